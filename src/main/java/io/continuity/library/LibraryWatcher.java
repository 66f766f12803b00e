package io.continuity.library;

import java.io.IOException;
import java.util.List;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Watch mode ({@code continuity.library.watch=true}): a {@link FolderWatch} on every library folder; once the folders
 * have been quiet for {@code continuity.library.watch-debounce} after a change, a rescan publishes what changed. A file
 * still being copied keeps the folder busy, so it is read once it is complete. A rescan reads only files whose size or
 * time changed, so rescanning the whole library for one change is cheap.
 */
@ApplicationScoped
public class LibraryWatcher {

    private static final Logger LOG = Logger.getLogger(LibraryWatcher.class);

    private final LibraryConfig config;
    private final LibraryService library;
    private FolderWatch watch;

    public LibraryWatcher(LibraryConfig config, LibraryService library) {
        this.config = config;
        this.library = library;
    }

    void start(@Observes StartupEvent started) throws IOException {
        if (!config.watch() || library.folders().isEmpty()) {
            return;
        }
        List<java.nio.file.Path> folders = library.folders().get();
        watch = new FolderWatch(folders, config.watchDebounce(), this::rescan);
        LOG.infof("Media library: watching %s (rescan %s after the last change)", folders, config.watchDebounce());
    }

    void stop(@Observes ShutdownEvent stopping) throws IOException {
        if (watch != null) {
            watch.close();
        }
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
}
