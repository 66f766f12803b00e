package io.continuity.messaging;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the input topics are delivering a burst: a batch of at least {@link #BURST_BATCH} records means records were
 * waiting when it was polled (a catalog import, a replay, a producer catching up). Bulk resolutions give way to a burst
 * (see {@code continuity.horizon.bulk-yield}): on few cores they would take the CPU the ingest needs.
 */
@ApplicationScoped
public class IngestActivity {

    /** A fifth of the largest input batch (max.poll.records 500). */
    public static final int BURST_BATCH = 100;

    private volatile long lastBurstBatch;
    private volatile boolean anyBurst;

    /** An input batch of {@code records} was applied at {@code nanoTime} ({@link System#nanoTime()}). */
    public void batchApplied(int records, long nanoTime) {
        if (records >= BURST_BATCH) {
            lastBurstBatch = nanoTime;
            anyBurst = true;
        }
    }

    /** When the last batch of a burst was applied ({@link System#nanoTime()}), or {@link Long#MIN_VALUE} if none ever was. */
    public long lastBurstBatch() {
        return anyBurst ? lastBurstBatch : Long.MIN_VALUE;
    }
}
