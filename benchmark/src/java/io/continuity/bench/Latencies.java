package io.continuity.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/** Latencies in microseconds (HdrHistogram, 3 significant digits, up to 10 minutes), safe to record from any thread. */
final class Latencies {

    private static final long MAX_MICROS = 600_000_000L;

    private final Histogram histogram = new SynchronizedHistogram(MAX_MICROS, 3);

    /** Records one operation that was due at {@code dueNanos} and completed at {@code doneNanos}. */
    void record(long dueNanos, long doneNanos) {
        histogram.recordValue(Math.min(MAX_MICROS, Math.max(0, (doneNanos - dueNanos) / 1000)));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** Percentile in milliseconds. */
    double ms(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMs() {
        return histogram.getMaxValue() / 1000.0;
    }

    String summary() {
        return String.format("n=%d p50=%.1f p99=%.1f p99.9=%.1f max=%.1f ms", count(), ms(50), ms(99), ms(99.9), maxMs());
    }
}
