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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

/**
 * A java.nio WatchService on folder trees (folders created later included) that calls {@code rescan} once the trees
 * have been quiet for {@code debounce} after a change. When {@code rescan} answers false (it could not run now), it is
 * called again after another quiet period. Plain Java: {@link LibraryWatcher} runs it in the service.
 */
final class FolderWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FolderWatch.class);

    private final WatchService watcher;
    private final Duration debounce;
    private final BooleanSupplier rescan;
    private final Thread thread;

    FolderWatch(List<Path> folders, Duration debounce, BooleanSupplier rescan) throws IOException {
        this.watcher = FileSystems.getDefault().newWatchService();
        this.debounce = debounce;
        this.rescan = rescan;
        for (Path folder : folders) {
            if (Files.isDirectory(folder)) {
                registerTree(folder);
            }
        }
        this.thread = Thread.ofPlatform().daemon().name("library-watch").start(this::watch);
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }

    private void watch() {
        long quietNanos = debounce.toNanos();
        long dueAt = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = dueAt == 0 ? watcher.take() : watcher.poll(Math.max(1, dueAt - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (key != null) {
                    handle(key);
                    dueAt = System.nanoTime() + quietNanos;
                } else if (dueAt != 0 && System.nanoTime() >= dueAt) {
                    dueAt = rescan.getAsBoolean() ? 0 : System.nanoTime() + quietNanos;
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
