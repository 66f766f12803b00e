package io.continuity.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The programs some tests drive: Chromium (or Google Chrome) with its chromedriver for the program guide's browser
 * test, {@code tv_validate_file} and the XMLTV DTD for the XMLTV tests, ffmpeg and ffprobe for the media tests. Each is looked for under its usual names on the
 * {@code PATH}, then where Debian, Ubuntu's snaps, Fedora, Arch, Homebrew and macOS put it; {@code -Dtests.chromium=},
 * {@code -Dtests.chromedriver=}, {@code -Dtests.tv-validate-file=} and {@code -Dtests.xmltv-dtd=} name one anywhere else.
 * A missing one fails the test (never a silent skip) with one line saying what to install on this system.
 */
public final class TestTools {

    private static final Path HOME = Path.of(System.getProperty("user.home", "/"));

    private TestTools() {
    }

    /** A Chromium (or Google Chrome) binary and a chromedriver. */
    public record Browser(Path binary, Path driver) {
    }

    /** {@code tv_validate_file} and the XMLTV DTD it validates against. */
    public record XmltvValidator(Path tool, Path dtd) {
    }

    /** The browser and its driver, or a failed test naming what to install. */
    public static Browser browser() {
        Optional<Path> browser = chromium();
        Optional<Path> driver = chromedriver();
        if (browser.isEmpty() || driver.isEmpty()) {
            fail(missing(browser.isEmpty() ? "Chromium or Google Chrome" : null, driver.isEmpty() ? "chromedriver" : null, "the browser tests",
                    browserInstall(system())));
        }
        return new Browser(browser.get(), driver.get());
    }

    /** {@code tv_validate_file} and the XMLTV DTD, or a failed test naming what to install. */
    public static XmltvValidator xmltvValidator() {
        Optional<Path> tool = find(System.getProperty("tests.tv-validate-file"), List.of("tv_validate_file"),
                List.of(Path.of("/usr/bin/tv_validate_file"), Path.of("/usr/local/bin/tv_validate_file"), Path.of("/opt/homebrew/bin/tv_validate_file")));
        Optional<Path> dtd = xmltvDtd(tool);
        if (tool.isEmpty() || dtd.isEmpty()) {
            fail(missing(tool.isEmpty() ? "tv_validate_file" : null, dtd.isEmpty() ? "the XMLTV DTD (share/xmltv/xmltv.dtd)" : null,
                    "the XMLTV tests", xmltvInstall(system())));
        }
        return new XmltvValidator(tool.get(), dtd.get());
    }

    /** ffmpeg and ffprobe on the PATH (the media tests make and probe real clips), or a failed test naming what to install. */
    public static void requireFfmpeg() {
        ffmpegMissing("the media import and playout tests").ifPresent(message -> fail(message));
    }

    /** ffmpeg on the PATH, or where this system's packages put it. */
    public static Optional<Path> ffmpeg() {
        return find(null, List.of("ffmpeg"), List.of(Path.of("/usr/bin/ffmpeg"), Path.of("/usr/local/bin/ffmpeg"), Path.of("/opt/homebrew/bin/ffmpeg")));
    }

    /** ffprobe on the PATH, or where this system's packages put it. */
    public static Optional<Path> ffprobe() {
        return find(null, List.of("ffprobe"), List.of(Path.of("/usr/bin/ffprobe"), Path.of("/usr/local/bin/ffprobe"), Path.of("/opt/homebrew/bin/ffprobe")));
    }

    /** One line saying which of ffmpeg and ffprobe is missing, that {@code who} needs it and how to install it here; empty when both are found. */
    public static Optional<String> ffmpegMissing(String who) {
        return ffmpegMissing(ffmpeg(), ffprobe(), who);
    }

    /** As {@link #ffmpegMissing(String)}, for binaries looked up already. */
    public static Optional<String> ffmpegMissing(Optional<Path> ffmpeg, Optional<Path> ffprobe, String who) {
        if (ffmpeg.isPresent() && ffprobe.isPresent()) {
            return Optional.empty();
        }
        String install = system().equals("macos") ? "brew install ffmpeg"
                : linux(system(), "sudo apt-get install -y ffmpeg", "sudo dnf install -y ffmpeg-free", "sudo pacman -S ffmpeg", "sudo zypper install ffmpeg");
        return Optional.of(missing(ffmpeg.isEmpty() ? "ffmpeg" : null, ffprobe.isEmpty() ? "ffprobe" : null, who, install));
    }

    static Optional<Path> chromium() {
        return find(System.getProperty("tests.chromium"), List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"), List.of(
                Path.of("/usr/bin/chromium"), Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/lib/chromium-browser/chromium-browser"),
                Path.of("/usr/lib64/chromium-browser/chromium-browser"), Path.of("/snap/bin/chromium"), Path.of("/opt/google/chrome/chrome"),
                Path.of("/Applications/Chromium.app/Contents/MacOS/Chromium"),
                Path.of("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"),
                HOME.resolve("Applications/Chromium.app/Contents/MacOS/Chromium"),
                HOME.resolve("Applications/Google Chrome.app/Contents/MacOS/Google Chrome"),
                Path.of("/opt/homebrew/bin/chromium"), Path.of("/usr/local/bin/chromium")));
    }

    static Optional<Path> chromedriver() {
        return find(System.getProperty("tests.chromedriver"), List.of("chromedriver", "chromium.chromedriver"), List.of(
                Path.of("/usr/bin/chromedriver"), Path.of("/usr/lib/chromium/chromedriver"), Path.of("/usr/lib/chromium-browser/chromedriver"),
                Path.of("/usr/lib64/chromium-browser/chromedriver"), Path.of("/snap/bin/chromium.chromedriver"),
                Path.of("/opt/homebrew/bin/chromedriver"), Path.of("/usr/local/bin/chromedriver")));
    }

    /** The DTD next to the tool ({@code <prefix>/bin/tv_validate_file}, {@code <prefix>/share/xmltv/xmltv.dtd}), or a usual place. */
    private static Optional<Path> xmltvDtd(Optional<Path> tool) {
        String given = System.getProperty("tests.xmltv-dtd");
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given)).filter(Files::isReadable);
        }
        List<Path> places = new ArrayList<>();
        try {
            Path bin = tool.isEmpty() ? null : tool.get().toRealPath().getParent();
            if (bin != null && bin.getParent() != null) {
                places.add(bin.getParent().resolve("share/xmltv/xmltv.dtd"));
            }
        } catch (IOException e) {
            // unreadable link: only the usual places
        }
        places.addAll(List.of(Path.of("/usr/share/xmltv/xmltv.dtd"), Path.of("/usr/local/share/xmltv/xmltv.dtd"),
                Path.of("/opt/homebrew/share/xmltv/xmltv.dtd")));
        return places.stream().filter(Files::isReadable).findFirst();
    }

    /** {@code override} when given (it must then be executable); else the first of {@code names} on the PATH; else the first place that is. */
    static Optional<Path> find(String override, List<String> names, List<Path> places) {
        return find(override, System.getenv().getOrDefault("PATH", ""), names, places);
    }

    static Optional<Path> find(String override, String pathVariable, List<String> names, List<Path> places) {
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override)).filter(Files::isExecutable);
        }
        Stream<Path> onPath = names.stream().flatMap(name -> Stream.of(pathVariable.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name)));
        return Stream.concat(onPath, places.stream()).filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    /** One line: what is missing, who needs it, how to install it here. */
    static String missing(String first, String second, String who, String install) {
        String what = first != null && second != null ? first + " and " + second : first != null ? first : second;
        return what + " not found (on the PATH or where this system's packages put it), needed by " + who + ". Install: " + install;
    }

    /** The operating system family: {@code macos}, a Linux distribution's {@code ID} and {@code ID_LIKE}, or the JVM's name. */
    static String system() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "macos";
        }
        try {
            return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("ID=") || l.startsWith("ID_LIKE="))
                    .map(l -> l.substring(l.indexOf('=') + 1).replace("\"", "")).reduce((a, b) -> a + " " + b).orElse(os);
        } catch (IOException e) {
            return os;
        }
    }

    static String browserInstall(String system) {
        if (system.equals("macos")) {
            return "brew install --cask chromium chromedriver (or Google Chrome and: brew install --cask chromedriver), or -Dtests.chromium= / "
                    + "-Dtests.chromedriver=";
        }
        if (system.contains("ubuntu")) {
            return "sudo snap install chromium (it brings chromium.chromedriver), or -Dtests.chromium= / -Dtests.chromedriver=";
        }
        return linux(system, "sudo apt-get install -y chromium chromium-driver", "sudo dnf install -y chromium chromedriver",
                "sudo pacman -S chromium", "sudo zypper install chromium chromedriver") + ", or -Dtests.chromium= / -Dtests.chromedriver=";
    }

    static String xmltvInstall(String system) {
        String source = "XMLTV from https://github.com/XMLTV/xmltv (tv_validate_file on the PATH, share/xmltv/xmltv.dtd beside its bin), "
                + "or -Dtests.tv-validate-file= / -Dtests.xmltv-dtd=";
        if (system.contains("debian") || system.contains("ubuntu")) {
            return "sudo apt-get install -y xmltv-util";
        }
        return system.contains("fedora") || system.contains("rhel") ? "sudo dnf install -y xmltv, or " + source : source;
    }

    private static String linux(String system, String debian, String fedora, String arch, String suse) {
        if (system.contains("debian")) {
            return debian;
        }
        if (system.contains("fedora") || system.contains("rhel")) {
            return fedora;
        }
        if (system.contains("arch")) {
            return arch;
        }
        if (system.contains("suse")) {
            return suse;
        }
        return "your distribution's package (on Debian: " + debian + ")";
    }
}
