package io.continuity.epg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.continuity.testing.TestTools;

/**
 * Runs {@code tv_validate_file} from XMLTV (Debian's xmltv-util: DTD validity, channel ids, times, episode numbers,
 * empty titles and descriptions) on a saved XMLTV document. The tool is a test prerequisite (README, .ci/run installs
 * it) found by {@link TestTools}: when it is missing the test fails with one line saying what to install, it is never
 * skipped.
 */
final class XmltvValidator {

    private XmltvValidator() {
    }

    /** Fails the test unless {@code tv_validate_file} accepts {@code file}. */
    static void assertValid(Path file) throws IOException, InterruptedException {
        TestTools.XmltvValidator validator = TestTools.xmltvValidator();
        // without --dtd-file the tool downloads the DTD from the web
        Process process = new ProcessBuilder(validator.tool().toString(), "--dtd-file", validator.dtd().toString(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(validator.tool() + " did not finish within 60 s on " + file);
        }
        assertThat(process.exitValue()).as("%s %s said:%n%s", validator.tool(), file, output).isZero();
    }
}
