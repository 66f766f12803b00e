package io.continuity.library;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Watch mode ({@code continuity.library.watch=true}): a java.nio WatchService on every folder of the library, new
 * folders included; once the folders have been quiet for {@code continuity.library.watch-debounce} after a change, a
 * rescan publishes what changed. A file still being copied keeps the folder busy, so it is read once it is complete.
 * A rescan reads only files whose size or time changed, so rescanning the whole library for one change is cheap.
 */
@ApplicationScoped
public class LibraryWatcher {

    private static final Logger LOG = Logger.getLogger(LibraryWatcher.class);

    private final LibraryConfig config;
    private final LibraryService library;
    private WatchService watcher;
    private Thread thread;

    public LibraryWatcher(LibraryConfig config, LibraryService library) {
        this.config = config;
        this.library = library;
    }

    void start(@Observes StartupEvent started) throws IOException {
        if (!config.watch() || library.folders().isEmpty()) {
            return;
        }
        List<Path> folders = library.folders().get();
        watcher = FileSystems.getDefault().newWatchService();
        for (Path folder : folders) {
            if (Files.isDirectory(folder)) {
                registerTree(folder);
            }
        }
        thread = Thread.ofPlatform().daemon().name("library-watch").start(this::watch);
        LOG.infof("Media library: watching %s (rescan %s after the last change)", folders, config.watchDebounce());
    }

    void stop(@Observes ShutdownEvent stopping) throws IOException {
        if (watcher != null) {
            watcher.close();
            thread.interrupt();
        }
    }

    private void watch() {
        long quietNanos = config.watchDebounce().toNanos();
        long dueAt = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = dueAt == 0 ? watcher.take() : watcher.poll(Math.max(1, dueAt - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (key != null) {
                    handle(key);
                    dueAt = System.nanoTime() + quietNanos;
                } else if (dueAt != 0 && System.nanoTime() >= dueAt) {
                    dueAt = rescan() ? 0 : System.nanoTime() + quietNanos;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(WatchKey key) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name
                    && Files.isDirectory(dir.resolve(name))) {
                registerTree(dir.resolve(name));
            }
        }
        key.reset();
    }

    /** Rescans; false when another scan is running, so the change is picked up by trying again after the debounce. */
    private boolean rescan() {
        try {
            library.scan(false);
        } catch (LibraryService.ScanInProgress e) {
            LOG.info("Library changed during a scan: rescanning once it has finished");
            return false;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Library rescan after a change failed: %s", e.getMessage());
        }
        return true;
    }

    private void registerTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                            StandardWatchEventKinds.ENTRY_MODIFY);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warnf("Library watch: cannot watch %s: %s", root, e.getMessage());
        }
    }
}
