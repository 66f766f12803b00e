package io.continuity.asrun;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.continuity.inputs.ChannelEntity;
import io.continuity.common.EventTimes;
import io.continuity.config.ContinuityConfig;
import io.continuity.events.AsRunEvent;
import io.continuity.events.AsRunRecorded;
import io.continuity.events.Envelope;
import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;
import io.continuity.events.Topic;
import io.continuity.messaging.EventApplier;
import io.continuity.messaging.PartitionTracker;
import io.continuity.messaging.RecordContext;
import io.continuity.resolver.ResolutionRequests;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stores each {@code continuity.asrun.recorded.v1} entry once (entries are immutable: a repeat is ignored, a different
 * report under a known {@code asrun_id} is rejected), reconciles it in the same transaction, and after the batch asks
 * for the re-resolution of channels where another asset aired than planned, so rotation counts what really aired.
 * Channels are not checked at ingest (they travel on another topic): an entry for a channel not configured (yet) is
 * stored, and judged once a resolved day covers it.
 */
@ApplicationScoped
public class AsRunEventsApplier implements EventApplier<AsRunEvent> {

    private static final Logger LOG = Logger.getLogger(AsRunEventsApplier.class);

    private final Reconciler reconciler;
    private final AsRunBatch batch;
    private final ResolutionRequests resolutions;
    private final PartitionTracker tracker;
    private final Clock clock;
    private final java.time.Duration grace;

    public AsRunEventsApplier(Reconciler reconciler, AsRunBatch batch, ResolutionRequests resolutions, PartitionTracker tracker,
            Clock clock, ContinuityConfig config) {
        this.grace = config.reconciliation().grace();
        this.reconciler = reconciler;
        this.batch = batch;
        this.resolutions = resolutions;
        this.tracker = tracker;
        this.clock = clock;
    }

    @Override
    public Topic topic() {
        return Topic.AS_RUN;
    }

    @Override
    public Class<AsRunEvent> family() {
        return AsRunEvent.class;
    }

    @Override
    public String expectedKey(AsRunEvent event) {
        return switch (event) {
            case AsRunRecorded e -> e.channelId().toString();
        };
    }

    @Override
    public void apply(Envelope<AsRunEvent> envelope, RecordContext record) {
        switch (envelope.event()) {
            case AsRunRecorded e -> record(e, envelope, record);
        }
    }

    @Override
    public void afterBatch() {
        for (UUID channelId : batch.channelsAiredOffPlan()) {
            ChannelEntity channel = ChannelEntity.findById(channelId);
            if (channel != null && !channel.retired) {
                resolutions.request(channelId, tracker.planPartitionOf(channelId), "as-run", clock.instant());
            }
        }
    }

    private void record(AsRunRecorded recorded, Envelope<AsRunEvent> envelope, RecordContext record) {
        if (recorded.actualEndUtc().isBefore(recorded.actualStartUtc())) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "actual_end_utc",
                    "must not be before actual_start_utc " + recorded.actualStartUtc());
        }
        AsRunLogEntryEntity existing = AsRunLogEntryEntity.findById(recorded.asrunId());
        if (existing != null) {
            if (!existing.sameAs(recorded)) {
                throw new RejectedEventException(ReasonCode.INVALID_VALUE, "asrun_id", "as-run entries are immutable");
            }
            LOG.debugf("As-run %s repeated with identical content; ignored", recorded.asrunId());
            return;
        }
        AsRunLogEntryEntity entry = AsRunLogEntryEntity.of(recorded, EventTimes.of(envelope, record));
        entry.persistAndFlush();
        Optional<PlannedEvent> planned = reconciler.recorded(entry, clock.instant());
        boolean offPlan = planned.map(p -> !entry.assetUuid.equals(p.assetUuid())).orElse(true);
        // rotation counts a planned event as played only until its as-run is overdue (its end + the grace): an entry
        // that arrives later changes what rotation counts, just as one that aired something else does
        boolean late = planned.map(p -> p.end().plus(grace).isBefore(clock.instant())).orElse(false);
        if (AiredEntry.of(entry).aired() && (offPlan || late)) {
            batch.airedOffPlan(entry.channelId);
        }
    }
}
