package io.continuity.resolver;

import java.time.Duration;

import org.jboss.logging.Logger;

/**
 * Decides whether a bulk resolution (a horizon roll, a catalog-wide re-resolution) may start now: not while the inputs
 * deliver a burst, so that a catalog import is applied at the speed the database allows instead of sharing the cores
 * with the re-resolutions it causes (which it would make again a batch later), but never held longer than
 * {@code continuity.horizon.bulk-yield} in a row, so a steady stream of input cannot starve bulk work. Urgent requests
 * never wait for this. Used by the one horizon worker thread; the time is given, in {@link System#nanoTime()} units.
 */
final class BulkYield {

    private static final Logger LOG = Logger.getLogger(BulkYield.class);

    /** A burst is over once no large batch has been applied for this long. */
    static final long QUIET_NANOS = Duration.ofSeconds(1).toNanos();

    private final long maxHoldNanos;
    private long heldSince;
    private boolean holding;
    private boolean capped;

    BulkYield(Duration maxHold) {
        this.maxHoldNanos = maxHold.toNanos();
    }

    /**
     * Whether bulk work may start at {@code now}, the last batch of a burst having been applied at {@code lastBurstBatch}
     * ({@link Long#MIN_VALUE}: never).
     */
    boolean mayStart(long now, long lastBurstBatch) {
        boolean bursting = maxHoldNanos > 0 && lastBurstBatch != Long.MIN_VALUE && now - lastBurstBatch < QUIET_NANOS;
        if (!bursting) {
            if (holding) {
                LOG.infof("Input burst over: bulk resolutions resume after %.1f s", (now - heldSince) / 1e9);
                holding = false;
                capped = false;
            }
            return true;
        }
        if (!holding) {
            holding = true;
            heldSince = now;
            LOG.infof("Inputs are arriving in a burst: bulk resolutions wait until it ends (at most %.0f s); urgent ones go on",
                    maxHoldNanos / 1e9);
        }
        if (now - heldSince < maxHoldNanos) {
            return false;
        }
        if (!capped) {
            capped = true;
            LOG.infof("The input burst has lasted %.0f s: bulk resolutions go on beside it", (now - heldSince) / 1e9);
        }
        return true;
    }
}
