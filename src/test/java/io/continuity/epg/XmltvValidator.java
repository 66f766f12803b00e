package io.continuity.epg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code tv_validate_file} from Debian's xmltv-util (DTD validity, channel ids, times, episode numbers, empty
 * titles and descriptions) on a saved XMLTV document. The tool is a test prerequisite that {@code .ci/run} installs:
 * when it is missing the test fails, it is never skipped.
 */
final class XmltvValidator {

    private static final String TOOL = "tv_validate_file";
    private static final Path DTD = Path.of("/usr/share/xmltv/xmltv.dtd");
    private static final String INSTALL_HINT = "install Debian's xmltv-util (apt-get install xmltv-util; .ci/run does this)";

    private XmltvValidator() {
    }

    /** Fails the test unless {@code tv_validate_file} accepts {@code file}. */
    static void assertValid(Path file) throws IOException, InterruptedException {
        Path tool = onPath(TOOL).orElseGet(() -> fail(TOOL + " is not on the PATH: " + INSTALL_HINT));
        if (!Files.isReadable(DTD)) {
            fail("The XMLTV DTD " + DTD + " is missing: " + INSTALL_HINT);
        }
        // without --dtd-file the tool downloads the DTD from the web
        Process process = new ProcessBuilder(tool.toString(), "--dtd-file", DTD.toString(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(TOOL + " did not finish within 60 s on " + file);
        }
        assertThat(process.exitValue()).as("%s %s said:%n%s", TOOL, file, output).isZero();
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Arrays.stream(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }
}
