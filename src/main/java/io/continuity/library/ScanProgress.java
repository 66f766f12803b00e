package io.continuity.library;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/** Logs a scan's progress every {@code everyFiles} files or {@code every}, whichever comes first: files done of total and the rate. */
final class ScanProgress {

    private static final Logger LOG = Logger.getLogger(ScanProgress.class);

    private final int total;
    private final int everyFiles;
    private final long everyNanos;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong lastLogged = new AtomicLong(started);

    ScanProgress(int total, int everyFiles, Duration every) {
        this.total = total;
        this.everyFiles = Math.max(1, everyFiles);
        this.everyNanos = every.toNanos();
    }

    /** One more file examined. */
    void step() {
        int now = done.incrementAndGet();
        long at = System.nanoTime();
        long last = lastLogged.get();
        boolean due = now % everyFiles == 0 || at - last >= everyNanos;
        if (due && now < total && lastLogged.compareAndSet(last, at)) {
            LOG.infof("Library scan: %d/%d files (%d%%), %s files/s", now, total, now * 100L / total, rate(now, at));
        }
    }

    /** Files per second so far. */
    double rate() {
        return Double.parseDouble(rate(done.get(), System.nanoTime()));
    }

    private String rate(int files, long at) {
        double seconds = Math.max(1e-3, (at - started) / 1e9);
        return String.format(Locale.ROOT, "%.1f", files / seconds);
    }
}
