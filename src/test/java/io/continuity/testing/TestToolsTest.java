package io.continuity.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser and XMLTV tests find their programs where other systems put them, or fail with one line saying what to install. */
class TestToolsTest {

    @TempDir
    Path dir;

    @Test
    void aBrowserUnderAnotherDistributionsNameOnThePathIsFound() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path browser = executable(bin.resolve("chromium-browser"));
        assertThat(TestTools.find(null, "/nowhere:" + bin, List.of("chromium", "chromium-browser", "google-chrome"), List.of()))
                .contains(browser);
    }

    @Test
    void anAppOutsideThePathIsFoundInItsUsualPlace() throws IOException {
        Path app = executable(Files.createDirectories(dir.resolve("Applications/Google Chrome.app/Contents/MacOS")).resolve("Google Chrome"));
        assertThat(TestTools.find(null, "", List.of("chromium"), List.of(dir.resolve("missing"), app))).contains(app);
    }

    @Test
    void aNamedProgramWinsButMustBeExecutable() throws IOException {
        Path plain = Files.writeString(dir.resolve("chromedriver"), "");
        assertThat(TestTools.find(plain.toString(), "/usr/bin", List.of("chromedriver"), List.of())).isEmpty();
        executable(plain);
        assertThat(TestTools.find(plain.toString(), "/usr/bin", List.of("chromedriver"), List.of())).contains(plain);
    }

    @Test
    void whatIsMissingIsOneLineWithThisSystemsInstallCommand() {
        String debian = TestTools.missing("Chromium or Google Chrome", "chromedriver", "the browser tests", TestTools.browserInstall("debian"));
        assertThat(debian).doesNotContain("\n").startsWith("Chromium or Google Chrome and chromedriver not found")
                .contains("sudo apt-get install -y chromium chromium-driver");
        assertThat(TestTools.browserInstall("macos")).startsWith("brew install --cask chromium chromedriver");
        assertThat(TestTools.browserInstall("fedora")).startsWith("sudo dnf install -y chromium chromedriver");
        assertThat(TestTools.browserInstall("ubuntu debian")).startsWith("sudo snap install chromium");
        assertThat(TestTools.xmltvInstall("ubuntu debian")).isEqualTo("sudo apt-get install -y xmltv-util");
        assertThat(TestTools.xmltvInstall("macos")).contains("https://github.com/XMLTV/xmltv").doesNotContain("\n");
    }

    @Test
    void aMissingBrowserFailsTheTestWithThatLine() {
        System.setProperty("tests.chromium", dir.resolve("no-such-browser").toString());
        try {
            assertThatThrownBy(TestTools::browser).isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Chromium or Google Chrome not found").hasMessageContaining("Install: ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        } finally {
            System.clearProperty("tests.chromium");
        }
    }

    private static Path executable(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, "#!/bin/sh\n");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
