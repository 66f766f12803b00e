package io.continuity.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Offers operations at a fixed rate. Operation i is due at start + i / rate; it is started then (or at once when the
 * generator is behind) and measures its latency from that due time, never from when it actually went out — so a
 * slow response is charged to every request it delayed (no coordinated omission).
 */
final class FixedRate {

    /** One operation; it completes on its own and records {@code done - dueNanos}. */
    @FunctionalInterface
    interface Operation {
        void start(long index, long dueNanos, boolean measured);
    }

    private FixedRate() {
    }

    /**
     * Offers operations for {@code warmup + duration}; those due during the warm-up are started but not measured.
     *
     * @return how many operations were offered in all
     */
    static long run(double perSecond, Duration warmup, Duration duration, Operation operation) {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        double interval = 1e9 / perSecond;
        long i = 0;
        while (true) {
            long due = start + (long) (i * interval);
            if (due >= end) {
                return i;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            operation.start(i, due, due >= measureFrom);
            i++;
        }
    }
}
