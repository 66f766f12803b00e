package io.continuity.library;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real media for the library tests, made with ffmpeg: a test pattern with a tone, H.264 and AAC in Matroska. Copies
 * with a distinct trailer appended play the same and have their own fingerprint.
 */
final class TestClips {

    private TestClips() {
    }

    /** Makes a {@code seconds}-long 320x180, 25 fps clip at {@code target}; fails the test naming ffmpeg when it is missing. */
    static Path make(Path target, int seconds, int toneHz) {
        io.continuity.testing.TestTools.requireFfmpeg();
        try {
            Files.createDirectories(target.getParent());
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i", "sine=frequency=" + toneHz + ":sample_rate=48000", "-t",
                    String.valueOf(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-ac", "2",
                    target.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail("ffmpeg could not make a test clip: " + output);
            }
            return target;
        } catch (IOException e) {
            return fail("ffmpeg not found, needed by the media-library tests. Install: sudo apt-get install ffmpeg (Debian/Ubuntu), "
                    + "sudo dnf install ffmpeg (Fedora), brew install ffmpeg (macOS): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** Copies {@code clip} to {@code target} with {@code trailer} appended, so the copy has a fingerprint of its own. */
    static Path copyWithTrailer(Path clip, Path target, String trailer) throws IOException {
        Files.createDirectories(target.getParent());
        Files.copy(clip, target);
        Files.writeString(target, trailer, StandardOpenOption.APPEND);
        return target;
    }
}
