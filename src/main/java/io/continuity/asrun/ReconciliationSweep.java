package io.continuity.asrun;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.continuity.messaging.PartitionTracker;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Judges, every {@code continuity.reconciliation.sweep-interval}, the past events no as-run entry has judged (an event
 * nobody reported becomes MISSING here). Only channels on the plan-events partitions this instance owns are swept, so
 * N replicas share the work instead of repeating it, and only once this instance has caught up with its partitions,
 * so entries still waiting in the log are not judged missing.
 */
@ApplicationScoped
public class ReconciliationSweep {

    private static final Logger LOG = Logger.getLogger(ReconciliationSweep.class);

    private final Reconciler reconciler;
    private final PartitionTracker tracker;
    private final Clock clock;

    public ReconciliationSweep(Reconciler reconciler, PartitionTracker tracker, Clock clock) {
        this.reconciler = reconciler;
        this.tracker = tracker;
        this.clock = clock;
    }

    @Scheduled(identity = "reconciliation-sweep", every = "${continuity.reconciliation.sweep-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Set<Integer> owned = tracker.ownedPlanPartitions();
        if (owned.isEmpty() || !tracker.caughtUp()) {
            return;
        }
        Instant now = clock.instant();
        int judged = 0;
        try {
            for (UUID channelId : reconciler.channelsToSweep(now)) {
                if (owned.contains(tracker.planPartitionOf(channelId))) {
                    judged += reconciler.sweep(channelId, now);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Reconciliation sweep stopped early (%s); the next one resumes where it left off", e.getMessage());
        }
        if (judged > 0) {
            LOG.debugf("Reconciliation sweep judged %d events and entries", judged);
        }
    }
}
