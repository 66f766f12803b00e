package io.continuity.playout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * One channel's live HLS playlist ({@code live.m3u8}; a new one starts empty, what a previous process left is removed):
 * a rolling window of the last segments, each with its
 * {@code EXT-X-PROGRAM-DATE-TIME}, an {@code EXT-X-DISCONTINUITY} before the first segment of every item. A published segment
 * is moved into the channel folder as {@code seg-<media sequence>.ts}; segments that left the window are deleted a few
 * segments later, so a player that just read the playlist can still fetch them.
 */
public final class LivePlaylist {

    static final String NAME = "live.m3u8";
    private static final int KEEP_AFTER_WINDOW = 4;
    private static final DateTimeFormatter PDT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT)
            .withZone(java.time.ZoneOffset.UTC);

    private final Path dir;
    private final int window;
    private final int targetSeconds;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Deque<Path> retired = new ArrayDeque<>();
    private long nextSequence;
    private long discontinuitiesDropped;

    /** One listed segment. */
    public record Entry(long sequence, Path file, Instant programDateTime, long durationMicros, boolean discontinuity) {

        Instant end() {
            return programDateTime.plus(durationMicros, ChronoUnit.MICROS);
        }
    }

    public LivePlaylist(Path dir, int window, java.time.Duration segmentDuration) {
        this.dir = dir;
        this.window = window;
        this.targetSeconds = (int) Math.ceil(segmentDuration.toMillis() / 1000.0);
        try {
            Files.createDirectories(dir);
            try (java.util.stream.Stream<Path> old = Files.list(dir)) {
                old.filter(f -> f.getFileName().toString().matches("seg-\\d+\\.ts|live\\.m3u8(\\.tmp)?")).forEach(LivePlaylist::deleteQuietly);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes a finished segment at {@code programDateTime}; {@code discontinuity} when it starts a new item. */
    public Entry add(Path segment, Instant programDateTime, long durationMicros, boolean discontinuity) {
        long sequence = nextSequence++;
        Path target = dir.resolve("seg-" + sequence + ".ts");
        try {
            Files.move(segment, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Entry entry = new Entry(sequence, target, programDateTime, durationMicros, discontinuity && sequence > 0);
        entries.addLast(entry);
        while (entries.size() > window) {
            Entry old = entries.removeFirst();
            if (old.discontinuity()) {
                discontinuitiesDropped++;
            }
            retired.addLast(old.file());
        }
        while (retired.size() > KEEP_AFTER_WINDOW) {
            deleteQuietly(retired.removeFirst());
        }
        write();
        return entry;
    }

    /** The playlist text, as served. */
    public String render() {
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:6\n");
        long longest = entries.stream().mapToLong(Entry::durationMicros).max().orElse(0);
        m3u8.append("#EXT-X-TARGETDURATION:").append(Math.max(targetSeconds, (int) Math.round(longest / 1_000_000.0))).append('\n');
        m3u8.append("#EXT-X-MEDIA-SEQUENCE:").append(entries.isEmpty() ? nextSequence : entries.peekFirst().sequence()).append('\n');
        m3u8.append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(discontinuitiesDropped).append('\n');
        for (Entry e : entries) {
            if (e.discontinuity()) {
                m3u8.append("#EXT-X-DISCONTINUITY\n");
            }
            m3u8.append("#EXT-X-PROGRAM-DATE-TIME:").append(PDT.format(e.programDateTime())).append('\n');
            m3u8.append("#EXTINF:").append(FfmpegRenderer.seconds(e.durationMicros())).append(",\n");
            m3u8.append(e.file().getFileName()).append('\n');
        }
        return m3u8.toString();
    }

    public Path file() {
        return dir.resolve(NAME);
    }

    private void write() {
        try {
            Path tmp = dir.resolve(NAME + ".tmp");
            Files.writeString(tmp, render(), StandardCharsets.UTF_8);
            Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a segment a reader still holds open goes with the next sweep of the folder
        }
    }
}
