package io.continuity.library;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Runs library scans for the REST command, the schedule ({@code continuity.library.scan-every}) and watch mode, one at a
 * time across all replicas (a PostgreSQL advisory lock), and keeps the last report.
 */
@ApplicationScoped
public class LibraryService {

    private static final Logger LOG = Logger.getLogger(LibraryService.class);

    private final LibraryConfig config;
    private final JdbcLibraryIndex index;
    private final LibraryScan scan;
    private final AtomicReference<ScanReport> last = new AtomicReference<>();

    public LibraryService(LibraryConfig config, JdbcLibraryIndex index, KafkaAssetSink sink, Clock clock) {
        this.config = config;
        this.index = index;
        int threads = config.probeThreads().orElse(Math.max(2, Runtime.getRuntime().availableProcessors()));
        this.scan = new LibraryScan(index, sink, new Ffprobe(config.ffprobe(), config.probeTimeout()),
                new LibraryScan.Settings(Set.copyOf(config.extensions()), threads, config.progressEveryFiles(), config.progressEvery(),
                        config.approve()), clock);
    }

    /** Another scan holds the lock. */
    public static final class ScanInProgress extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScanInProgress() {
            super("another library scan is running; try again when it has finished");
        }
    }

    /** No library folder is configured. */
    public static final class NoLibrary extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoLibrary() {
            super("no library folder is configured: set continuity.library.paths (CONTINUITY_LIBRARY_PATHS)");
        }
    }

    void announce(@Observes StartupEvent started) {
        folders().ifPresent(folders -> LOG.infof("Media library: %s; rescan every %s, watch %s", folders, config.scanEvery(),
                config.watch() ? "on" : "off"));
    }

    /** The configured library folders, if any. */
    public Optional<List<Path>> folders() {
        return config.paths().filter(p -> !p.isEmpty()).map(paths -> paths.stream().map(String::trim).map(Path::of).toList());
    }

    /** Scans the configured folders. */
    public ScanReport scan(boolean dryRun) {
        return scan(folders().orElseThrow(NoLibrary::new), dryRun);
    }

    /** Scans {@code folders}. */
    public ScanReport scan(List<Path> folders, boolean dryRun) {
        try (JdbcLibraryIndex.ScanLock lock = index.tryLock().orElseThrow(ScanInProgress::new)) {
            ScanReport report = scan.run(folders, dryRun);
            last.set(report);
            return report;
        }
    }

    /** The last scan's report on this replica. */
    public Optional<ScanReport> last() {
        return Optional.ofNullable(last.get());
    }

    @Scheduled(identity = "library-scan", every = "${continuity.library.scan-every:off}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (folders().isEmpty()) {
            return;
        }
        try {
            scan(false);
        } catch (ScanInProgress e) {
            LOG.info("Scheduled library scan skipped: another scan is running");
        } catch (RuntimeException e) {
            LOG.errorf(e, "Scheduled library scan failed: %s", e.getMessage());
        }
    }
}
