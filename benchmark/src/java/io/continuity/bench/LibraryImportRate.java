package io.continuity.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.continuity.library.Ffprobe;
import io.continuity.library.LibraryFile;
import io.continuity.library.LibraryIndex;
import io.continuity.library.LibraryScan;
import io.continuity.library.ScanReport;

/**
 * The media-library import rate (files per second) on a generated library: ffmpeg makes one 2-second clip, which is
 * copied under episode names with a distinct trailer each (so every copy has its own fingerprint and is probed).
 * Three scans: the first import (walk, fingerprint, ffprobe, build and hand over every event), a rescan with nothing
 * changed, and a rescan after 10 % of the files were touched. The index is kept in memory and the events are counted,
 * not sent: Kafka and PostgreSQL add one batched send and one batched insert per 500 files (docs/library.md).
 *
 * <pre>./mvnw -o -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.continuity.bench.LibraryImportRate
 *     -Dexec.args="1000"</pre>
 */
public final class LibraryImportRate {

    private LibraryImportRate() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Math.max(2, Runtime.getRuntime().availableProcessors());
        Path dir = Files.createTempDirectory("continuity-library-bench-");
        try {
            Path clip = makeClip(dir.resolve("clip.mkv"));
            Path library = Files.createDirectories(dir.resolve("library"));
            for (int i = 0; i < files; i++) {
                int show = i / 100;
                Path target = library.resolve(String.format(Locale.ROOT, "Show %02d/Season 01/Show %02d - S01E%02d.mkv", show, show, i % 100));
                Files.createDirectories(target.getParent());
                Files.copy(clip, target);
                Files.writeString(target, "trailer " + i, StandardOpenOption.APPEND);
            }
            MemoryIndex index = new MemoryIndex();
            AtomicLong published = new AtomicLong();
            LibraryScan scan = new LibraryScan(index, events -> published.addAndGet(events.size()), new Ffprobe("ffprobe", Duration.ofSeconds(60)),
                    new LibraryScan.Settings(Set.of("mkv"), threads, 250, Duration.ofSeconds(5), true), Clock.systemUTC());
            print("first import", scan.run(List.of(library), false), published);
            print("rescan, nothing changed", scan.run(List.of(library), false), published);
            try (Stream<Path> all = Files.walk(library)) {
                List<Path> media = all.filter(p -> p.toString().endsWith(".mkv")).sorted().toList();
                for (int i = 0; i < media.size(); i += 10) {
                    Files.writeString(media.get(i), "changed", StandardOpenOption.APPEND);
                }
            }
            print("rescan, 10 % changed", scan.run(List.of(library), false), published);
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void print(String what, ScanReport report, AtomicLong published) {
        System.out.printf(Locale.ROOT, "%-26s %5d files in %6d ms = %7.1f files/s; %d events; %d problems; %d processors%n", what,
                report.filesSeen(), report.elapsedMs(), report.filesPerSecond(), published.getAndSet(0), report.problems().size(),
                Runtime.getRuntime().availableProcessors());
    }

    private static Path makeClip(Path target) throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
                "-f", "lavfi", "-i", "sine", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", target.toString())
                .redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + output);
        }
        return target;
    }

    /** The importer's index in memory. */
    private static final class MemoryIndex implements LibraryIndex {
        private final Map<String, LibraryFile> rows = new ConcurrentHashMap<>();

        @Override
        public Map<String, LibraryFile> load() {
            return Map.copyOf(rows);
        }

        @Override
        public void record(Collection<LibraryFile> upserted, Collection<String> removedPaths) {
            removedPaths.forEach(rows::remove);
            upserted.forEach(row -> rows.put(row.path(), row));
        }
    }
}
