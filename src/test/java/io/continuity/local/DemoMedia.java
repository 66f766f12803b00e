package io.continuity.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.continuity.demo.DemoSeeder;

/**
 * The local run's demo media, made with ffmpeg the first time playout is turned on and reused on later runs
 * ({@code target/demo-media}; {@code ./mvnw clean} removes it): three test-card programmes of just under 15 minutes and three
 * interstitials, each a test pattern with a tone, its title and a running timecode burnt in, 320x180 at 25 fps, H.264 and AAC.
 *
 * <p>The shape follows the Test Card channel ({@link DemoSeeder}): on its 15-minute grid every programme starts a block, and the
 * interstitials (10, 20 and 30 s) pad the rest of that block exactly (30, 50 and 20 s), so the channel never falls back to slate.
 * The names are ones the library scan reads (a season folder with {@code SxxEyy} files, {@code bumpers/}, {@code promos/},
 * {@code filler/}), and Kodi {@code .nfo} files give every file the genre the channel plays ({@link DemoSeeder#MEDIA_GENRE}),
 * which no other demo channel asks for. Made in seconds: the patterns are still but for the timecode, the programmes' tone is
 * encoded once and copied, and two files are encoded at a time.
 */
public final class DemoMedia {

    /** The seconds of audio encoded per tone; longer files loop it without re-encoding. */
    private static final int TONE_SECONDS = 10;
    private static final String WORK = ".work";

    /**
     * One file of the library.
     *
     * @param path where it goes, relative to the library folder
     * @param seconds its length
     * @param title the text burnt in at the top
     * @param pattern the ffmpeg test source it shows
     * @param toneHz the tone it plays
     */
    public record Item(String path, int seconds, String title, String pattern, int toneHz) {

        /** The same file at another length (the tests make short ones). */
        Item withSeconds(int length) {
            return new Item(path, length, title, pattern, toneHz);
        }

        boolean interstitial() {
            return !path.startsWith(SERIES + "/");
        }
    }

    static final String SERIES = "Test Card";

    /** The whole library. */
    static final List<Item> LIBRARY = List.of(
            new Item(SERIES + "/Season 01/Test Card - S01E01 - SMPTE Bars.mp4", 870, "Test Card S01E01 - SMPTE Bars", "smptehdbars", 1000),
            new Item(SERIES + "/Season 01/Test Card - S01E02 - PAL Bars.mp4", 850, "Test Card S01E02 - PAL Bars", "pal75bars", 440),
            new Item(SERIES + "/Season 01/Test Card - S01E03 - RGB Stripes.mp4", 880, "Test Card S01E03 - RGB Stripes", "rgbtestsrc", 880),
            new Item("bumpers/Continuity Ident.mp4", 10, "Continuity Ident", "testsrc2", 1500),
            new Item("promos/Coming Up.mp4", 20, "Coming Up", "testsrc", 660),
            new Item("filler/Tone Break.mp4", 30, "Tone Break", "yuvtestsrc", 400));

    private DemoMedia() {
    }

    /** Makes the files of the library that {@code folder} lacks (all of them the first time); returns how many it made. */
    public static int ensure(Path folder, Path ffmpeg) throws IOException {
        return make(folder, LIBRARY, ffmpeg);
    }

    /** Makes those of {@code items} that {@code folder} lacks, and every {@code .nfo}; returns how many media files it made. */
    static int make(Path folder, List<Item> items, Path ffmpeg) throws IOException {
        writeNfos(folder, items);
        List<Item> missing = items.stream().filter(i -> !Files.exists(folder.resolve(i.path()))).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        Path work = Files.createDirectories(folder.resolve(WORK));
        ExecutorService encoders = Executors.newFixedThreadPool(Math.min(2, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<?>> made = new ArrayList<>();
            for (Item item : missing) {
                made.add(encoders.submit(() -> encode(item, folder, work, ffmpeg)));
            }
            for (Future<?> file : made) {
                file.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the demo media", e);
        } finally {
            encoders.shutdownNow();
        }
        return missing.size();
    }

    /** Encodes one file into the work folder, then moves it into place: a file in the library is always complete. */
    private static Void encode(Item item, Path folder, Path work, Path ffmpeg) throws IOException {
        Path tone = work.resolve("tone-" + item.toneHz() + ".m4a");
        if (!Files.exists(tone)) {
            Path partial = work.resolve(UUID.randomUUID() + ".m4a");
            run(ffmpeg, List.of("-f", "lavfi", "-i", "sine=frequency=" + item.toneHz() + ":sample_rate=48000", "-t", String.valueOf(TONE_SECONDS),
                    "-c:a", "aac", "-b:a", "48k", "-ac", "1", "-f", "mp4", partial.toString()), work);
            Files.move(partial, tone, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        Path partial = work.resolve(UUID.randomUUID() + ".mp4");
        String video = item.pattern() + "=s=320x180:r=25,"
                + "drawtext=text='" + escape(item.title()) + "':fontcolor=white:fontsize=14:x=8:y=8:box=1:boxcolor=black@0.6:boxborderw=4,"
                + "drawtext=timecode='00\\:00\\:00\\:00':rate=25:fontcolor=white:fontsize=22:x=(w-text_w)/2:y=h-text_h-10:box=1:boxcolor=black@0.6:boxborderw=4";
        // The audio stops 50 ms before the video, so the file is exactly as long as its video and the scan reads the length asked for.
        run(ffmpeg, List.of("-f", "lavfi", "-i", video, "-stream_loop", "-1", "-t", seconds(item.seconds() * 1000L - 50), "-i", tone.toString(),
                "-map", "0:v", "-map", "1:a", "-t", String.valueOf(item.seconds()), "-c:v", "libx264", "-preset", "ultrafast", "-crf", "30",
                "-pix_fmt", "yuv420p", "-g", "50", "-keyint_min", "50", "-sc_threshold", "0", "-c:a", "copy", "-f", "mp4", partial.toString()), work);
        Path target = folder.resolve(item.path());
        Files.createDirectories(target.getParent());
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return null;
    }

    /** The show's {@code tvshow.nfo} and one {@code .nfo} per interstitial: the genre the Test Card channel plays, and a plot. */
    private static void writeNfos(Path folder, List<Item> items) throws IOException {
        String genre = DemoSeeder.MEDIA_GENRE;
        if (items.stream().anyMatch(i -> !i.interstitial())) {
            write(folder.resolve(SERIES).resolve("tvshow.nfo"), "<tvshow>\n  <title>" + SERIES + "</title>\n  <genre>" + genre + "</genre>\n"
                    + "  <mpaa>TV-G</mpaa>\n  <plot>Test patterns with a tone, their title and a running timecode, made by the local run.</plot>\n</tvshow>\n");
        }
        for (Item item : items) {
            if (item.interstitial()) {
                write(folder.resolve(item.path().replaceFirst("\\.[^./]+$", ".nfo")), "<movie>\n  <title>" + item.title() + "</title>\n  <genre>" + genre
                        + "</genre>\n</movie>\n");
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void run(Path ffmpeg, List<String> args, Path work) throws IOException {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
        command.addAll(args);
        Path log = work.resolve(UUID.randomUUID() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("ffmpeg did not finish within 10 minutes: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                throw new IOException("ffmpeg exited with " + process.exitValue() + (lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1)));
            }
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the demo media", e);
        }
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\\\\\").replace("'", "").replace(":", "\\:").replace(",", "\\,");
    }
}
