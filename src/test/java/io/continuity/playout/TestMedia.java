package io.continuity.playout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real media for the playout tests, made and inspected with ffmpeg/ffprobe: solid-colour clips with a tone and the asset's
 * name and running timecode burnt in. The colour of a frame says which clip (or the slate) it came from.
 */
final class TestMedia {

    /** A clip colour, as ffmpeg names it and as RGB. */
    enum Colour {
        RED("0xdc1e1e", 220, 30, 30), GREEN("0x1edc1e", 30, 220, 30), YELLOW("0xdcdc1e", 220, 220, 30), SLATE("0x1d2b53", 29, 43, 83);

        final String ffmpeg;
        final int r;
        final int g;
        final int b;

        Colour(String ffmpeg, int r, int g, int b) {
            this.ffmpeg = ffmpeg;
            this.r = r;
            this.g = g;
            this.b = b;
        }
    }

    private TestMedia() {
    }

    /** A 320x180 25 fps H.264/AAC clip of {@code seconds}, one colour, a 1 kHz tone, {@code label} and the timecode burnt in. */
    static Path clip(Path file, Colour colour, int seconds, String label) {
        run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=" + colour.ffmpeg + ":s=320x180:r=25:d=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=1000:duration=" + seconds,
                "-vf", "drawtext=text='" + label + " %{pts\\:hms}':fontcolor=white:fontsize=14:x=4:y=4",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", file.toString()));
        return file;
    }

    /** The colour closest to the first frame's average. */
    static Colour firstFrameColour(Path segment) {
        byte[] rgb = run(List.of("ffmpeg", "-v", "error", "-i", segment.toString(), "-frames:v", "1", "-vf", "scale=1:1:flags=area",
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-"));
        assertThat(rgb).as("one RGB pixel from %s", segment).hasSizeGreaterThanOrEqualTo(3);
        int r = rgb[0] & 0xff;
        int g = rgb[1] & 0xff;
        int b = rgb[2] & 0xff;
        Colour best = null;
        long bestDistance = Long.MAX_VALUE;
        for (Colour c : Colour.values()) {
            long d = (long) (c.r - r) * (c.r - r) + (long) (c.g - g) * (c.g - g) + (long) (c.b - b) * (c.b - b);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    /** Video frames in a segment, counted by ffprobe. */
    static int videoFrames(Path segment) {
        String out = new String(run(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-count_packets", "-show_entries",
                "stream=nb_read_packets", "-of", "csv=p=0", segment.toString())), StandardCharsets.UTF_8).trim();
        return Integer.parseInt(out.lines().map(l -> l.replace(",", "").trim()).filter(l -> !l.isEmpty()).findFirst().orElseThrow());
    }

    static byte[] run(List<String> command) {
        io.continuity.testing.TestTools.requireFfmpeg();
        try {
            Path log = Files.createTempFile("ffmpeg", ".log");
            Process p = new ProcessBuilder(new ArrayList<>(command)).redirectError(log.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
            assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), Files.readString(log)).isZero();
            Files.deleteIfExists(log);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + " (install ffmpeg: sudo apt-get install -y ffmpeg)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
