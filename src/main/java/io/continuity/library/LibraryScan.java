package io.continuity.library;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.logging.Logger;

import io.continuity.library.ScanReport.Problem;
import io.continuity.library.ScanReport.ProblemKind;

/**
 * One scan of the library folders, framework-free: walk the folders, read what changed since the index, match it to
 * the index ({@link ScanDiff}), publish the differences and record them in the index. A file whose size and
 * modification time match its index row is not read at all, so a rescan costs a directory walk plus the changed files.
 * A dry run reads and probes the same way but publishes nothing and leaves the index alone.
 */
public final class LibraryScan {

    private static final Logger LOG = Logger.getLogger(LibraryScan.class);
    /** Events per publish call, and per index transaction after it. */
    static final int BATCH = 500;

    /**
     * How a scan runs.
     *
     * @param extensions media file extensions, lower case without the dot
     * @param probeThreads files fingerprinted and probed at once
     * @param progressEveryFiles log progress after this many files
     * @param progressEvery or after this long
     * @param approve the {@code approved_for_broadcast} of imported assets
     */
    public record Settings(Set<String> extensions, int probeThreads, int progressEveryFiles, Duration progressEvery, boolean approve) {
    }

    private final LibraryIndex index;
    private final AssetSink sink;
    private final Ffprobe ffprobe;
    private final Settings settings;
    private final Clock clock;

    public LibraryScan(LibraryIndex index, AssetSink sink, Ffprobe ffprobe, Settings settings, Clock clock) {
        this.index = index;
        this.sink = sink;
        this.ffprobe = ffprobe;
        this.settings = settings;
        this.clock = clock;
    }

    /** A media file found in a library folder. */
    record Found(Path root, Path file) {
    }

    /** Scans {@code folders}; with {@code dryRun} nothing is published or recorded. */
    public ScanReport run(List<Path> folders, boolean dryRun) {
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        List<Problem> problems = new ArrayList<>();
        List<Path> roots = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        for (Path folder : folders) {
            Path root = folder.toAbsolutePath().normalize();
            if (!Files.isDirectory(root)) {
                problems.add(new Problem(ProblemKind.MISSING_FOLDER, root.toString(), "not a readable folder; its indexed files are kept"));
                continue;
            }
            roots.add(root);
            found.addAll(walk(root, problems));
        }
        found.sort(Comparator.comparing(f -> f.file().toString()));
        Map<String, LibraryFile> indexed = index.load();
        ScanProgress progress = new ScanProgress(found.size(), settings.progressEveryFiles(), settings.progressEvery());
        List<ScanDiff.Examined> examined = examineAll(found, indexed, progress, problems);
        ScanDiff diff = ScanDiff.of(examined, indexed, roots, startedAt);
        if (!dryRun) {
            publish(diff);
        }
        problems.sort(Comparator.comparing(Problem::path));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        double rate = found.isEmpty() ? 0 : Math.round(found.size() * 10_000.0 / Math.max(1, elapsedMs)) / 10.0;
        ScanReport report = new ScanReport(dryRun, folders.stream().map(Path::toString).toList(), startedAt, elapsedMs, found.size(),
                diff.unchanged(), rate, diff.changes(), List.copyOf(problems));
        log(report);
        return report;
    }

    private List<Found> walk(Path root, List<Problem> problems) {
        List<Found> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !hidden(file) && settings.extensions().contains(extension(file))) {
                        files.add(new Found(root, file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    synchronized (problems) {
                        problems.add(new Problem(ProblemKind.UNREADABLE, file.toString(), "cannot be listed: " + e.getMessage()));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(new Problem(ProblemKind.UNREADABLE, root.toString(), "cannot be listed: " + e.getMessage()));
        }
        return files;
    }

    private List<ScanDiff.Examined> examineAll(List<Found> found, Map<String, LibraryFile> indexed, ScanProgress progress,
            List<Problem> problems) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.probeThreads()), r -> {
            Thread thread = new Thread(r, "library-probe");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ScanDiff.Examined>> futures = new ArrayList<>();
            for (Found f : found) {
                futures.add(pool.submit(() -> {
                    try {
                        return examine(f, indexed.get(f.file().toString()));
                    } finally {
                        progress.step();
                    }
                }));
            }
            List<ScanDiff.Examined> out = new ArrayList<>();
            for (Future<ScanDiff.Examined> future : futures) {
                ScanDiff.Examined e = future.get();
                if (e.problem() != null) {
                    problems.add(e.problem());
                }
                out.add(e);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("library scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("library scan failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stats the file; reads and probes it only when it is not what the index says. */
    private ScanDiff.Examined examine(Found found, LibraryFile known) {
        Path file = found.file();
        try {
            long size = Files.size(file);
            Instant mtime = Files.getLastModifiedTime(file).toInstant();
            Instant nfoTime = LibraryAssets.ownNfo(file).map(LibraryScan::modified).orElse(Instant.EPOCH);
            Instant changedAt = (nfoTime.isAfter(mtime) ? nfoTime : mtime).truncatedTo(ChronoUnit.MILLIS);
            if (known != null && known.sizeBytes() == size && known.mtime().equals(changedAt)) {
                return ScanDiff.Examined.unchanged(found);
            }
            if (size == 0) {
                return ScanDiff.Examined.failed(found, new Problem(ProblemKind.ZERO_LENGTH, file.toString(), "the file is empty"));
            }
            String fingerprint = Fingerprint.of(file);
            MediaProbe probe = ffprobe.probe(file);
            return new ScanDiff.Examined(found, size, changedAt, fingerprint, probe, null);
        } catch (IOException e) {
            return ScanDiff.Examined.failed(found, new Problem(ProblemKind.UNREADABLE, file.toString(), "cannot be read: " + e.getMessage()));
        } catch (Ffprobe.ProbeFailed e) {
            return ScanDiff.Examined.failed(found, new Problem(ProblemKind.UNREADABLE, file.toString(), e.getMessage()));
        }
    }

    /** Publishes the diff in batches; each batch's index rows are recorded once Kafka has accepted it. */
    private void publish(ScanDiff diff) {
        List<ScanDiff.Publication> all = diff.publications(settings.approve());
        for (int from = 0; from < all.size(); from += BATCH) {
            List<ScanDiff.Publication> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            sink.publish(batch.stream().map(ScanDiff.Publication::event).toList());
            Map<String, LibraryFile> upserted = new TreeMap<>();
            List<String> removed = new ArrayList<>();
            for (ScanDiff.Publication p : batch) {
                p.removedPath().ifPresent(removed::add);
                p.indexed().ifPresent(row -> upserted.put(row.path(), row));
            }
            index.record(upserted.values(), removed);
        }
    }

    private static void log(ScanReport report) {
        String counts = String.format(Locale.ROOT, "%d new, %d changed, %d moved, %d removed", report.count(ScanReport.Action.NEW),
                report.count(ScanReport.Action.CHANGED), report.count(ScanReport.Action.MOVED), report.count(ScanReport.Action.REMOVED));
        LOG.infof("Library scan%s of %s: %d files (%d unchanged) in %d ms, %.1f files/s; %s %s; %d not imported", report.dryRun() ? " (dry run)" : "",
                String.join(", ", report.folders()), report.filesSeen(), report.unchanged(), report.elapsedMs(), report.filesPerSecond(), counts,
                report.dryRun() ? "would be published" : "published", report.problems().size());
        for (Problem problem : report.problems()) {
            LOG.warnf("Library scan: not imported (%s): %s: %s", problem.kind(), problem.path(), problem.detail());
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static boolean hidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
