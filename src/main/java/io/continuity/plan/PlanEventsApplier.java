package io.continuity.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.continuity.channel.ChannelProjection;
import io.continuity.common.EventTimes;
import io.continuity.events.AssignmentAdded;
import io.continuity.events.AssignmentRemoved;
import io.continuity.events.AssignmentUpdated;
import io.continuity.events.ChannelConfigured;
import io.continuity.events.ChannelRetired;
import io.continuity.events.Envelope;
import io.continuity.events.LabelDefined;
import io.continuity.events.PlanCreated;
import io.continuity.events.PlanEvent;
import io.continuity.events.PlanRetired;
import io.continuity.events.PlanUpdated;
import io.continuity.events.Topic;
import io.continuity.messaging.EventApplier;
import io.continuity.messaging.RecordContext;
import io.continuity.resolver.PlanImpact;
import io.continuity.tracing.Tracing;
import jakarta.enterprise.context.ApplicationScoped;

/** Routes each {@code continuity.plan-events} record to the projection that owns its aggregate. */
@ApplicationScoped
public class PlanEventsApplier implements EventApplier<PlanEvent> {

    private final ChannelProjection channels;
    private final PlanProjection plans;
    private final AssignmentProjection assignments;
    private final PlanImpact impact;
    private final Clock clock;
    private final List<PlanImpact.Change> changes = new ArrayList<>();

    public PlanEventsApplier(ChannelProjection channels, PlanProjection plans, AssignmentProjection assignments,
            PlanImpact impact, Clock clock) {
        this.channels = channels;
        this.plans = plans;
        this.assignments = assignments;
        this.impact = impact;
        this.clock = clock;
    }

    @Override
    public Topic topic() {
        return Topic.PLAN_EVENTS;
    }

    @Override
    public Class<PlanEvent> family() {
        return PlanEvent.class;
    }

    @Override
    public String expectedKey(PlanEvent event) {
        return event.channelId().toString();
    }

    @Override
    public void apply(Envelope<PlanEvent> envelope, RecordContext record) {
        Instant at = EventTimes.of(envelope, record);
        switch (envelope.event()) {
            case ChannelConfigured e -> channels.configure(e, at);
            case ChannelRetired e -> channels.retire(e, at);
            // the record's offset orders plans of one channel (one partition) exactly as the log does
            case PlanCreated e -> plans.create(e, record.offset(), at);
            case PlanUpdated e -> plans.update(e, at);
            case PlanRetired e -> plans.retire(e, at);
            case AssignmentAdded e -> assignments.add(e, at);
            case AssignmentUpdated e -> assignments.update(e, at);
            case AssignmentRemoved e -> assignments.remove(e);
            case LabelDefined e -> plans.defineLabel(e, at);
        }
        switch (envelope.event()) {
            case ChannelConfigured e -> changed(envelope, record, null);
            case PlanCreated e -> changed(envelope, record, e.planId());
            case PlanUpdated e -> changed(envelope, record, e.planId());
            case PlanRetired e -> changed(envelope, record, e.planId());
            case AssignmentAdded e -> changed(envelope, record, e.planId());
            case AssignmentUpdated e -> changed(envelope, record, e.planId());
            case AssignmentRemoved e -> changed(envelope, record, e.planId());
            case ChannelRetired e -> changed(envelope, record, null);
            case LabelDefined e -> { }
        }
    }

    /** Notes a change of the channel ({@code planId} null) or of one plan, for {@link #afterBatch}. */
    private void changed(Envelope<PlanEvent> envelope, RecordContext record, UUID planId) {
        changes.add(new PlanImpact.Change(envelope.event().channelId(), planId, record.partition(), envelope.type().ceType(),
                "plan:" + envelope.id(), Tracing.currentTraceparent()));
    }

    /** The batch's changes become one resolution request per channel, for the days they can affect (see {@link PlanImpact}). */
    @Override
    public void afterBatch() {
        if (!changes.isEmpty()) {
            List<PlanImpact.Change> batch = List.copyOf(changes);
            changes.clear();
            impact.changed(batch, clock.instant());
        }
    }

    @Override
    public void prepare(List<PlanEvent> events) {
        changes.clear(); // a batch that failed and is run again must not carry its first attempt's changes
        assignments.prepare(events);
    }
}
