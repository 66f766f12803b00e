package io.continuity.plan;

import java.time.Instant;
import java.util.UUID;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;

import io.continuity.channel.ChannelProjection;
import io.continuity.common.Versions;
import io.continuity.events.LabelDefined;
import io.continuity.events.PlanCreated;
import io.continuity.events.PlanDefinition;
import io.continuity.events.PlanRetired;
import io.continuity.events.PlanUpdated;
import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;
import io.continuity.inputs.ChannelEntity;
import io.continuity.inputs.SchedulePlanEntity;
import jakarta.enterprise.context.ApplicationScoped;

/** Applies plan and label events. Plans are retired, never deleted, so lineage stays resolvable. */
@ApplicationScoped
public class PlanProjection {

    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    public void create(PlanCreated event, long sequence, Instant at) {
        if (SchedulePlanEntity.findById(event.planId()) != null) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "plan_id",
                    "plan " + event.planId() + " already exists; send continuity.plan.updated.v1 to change it");
        }
        Versions.check(event.expectedVersion(), 0, "plan " + event.planId());
        ChannelEntity channel = liveChannel(event.channelId());
        if (channel.isTimeShifted()) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "channel_id", "channel " + channel.slug + " is a time-shifted copy of "
                    + channel.timeShiftSourceId + " (" + channel.timeShiftMinutes + " minutes later) and takes no plans; plan its source");
        }
        validate(event);
        SchedulePlanEntity plan = new SchedulePlanEntity();
        plan.id = event.planId();
        plan.channelId = event.channelId();
        plan.createdSequence = sequence;
        plan.createdAt = at;
        write(plan, event, at);
        plan.persist();
    }

    public void update(PlanUpdated event, Instant at) {
        SchedulePlanEntity plan = existing(event.planId(), event.channelId());
        Versions.check(event.expectedVersion(), plan.version, "plan " + plan.id);
        validate(event);
        write(plan, event, at);
    }

    public void retire(PlanRetired event, Instant at) {
        SchedulePlanEntity plan = existing(event.planId(), event.channelId());
        Versions.check(event.expectedVersion(), plan.version, "plan " + plan.id);
        plan.active = false;
        plan.version++;
        plan.updatedAt = at;
    }

    public void defineLabel(LabelDefined event, Instant at) {
        liveChannel(event.channelId());
        SchedulePlanLabelEntity label = SchedulePlanLabelEntity.findById(event.labelId());
        Versions.check(event.expectedVersion(), label == null ? 0 : label.version, "label " + event.labelId());
        if (label == null) {
            label = new SchedulePlanLabelEntity();
            label.id = event.labelId();
            label.channelId = event.channelId();
            label.createdAt = at;
        } else if (!label.channelId.equals(event.channelId())) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "channel_id", "label " + label.id + " belongs to channel " + label.channelId);
        }
        label.name = event.name();
        label.color = event.color();
        label.version++;
        label.updatedAt = at;
        label.persist();
    }

    /** The plan, which must belong to {@code channelId}, or a rejection. */
    static SchedulePlanEntity existing(UUID planId, UUID channelId) {
        SchedulePlanEntity plan = SchedulePlanEntity.findById(planId);
        if (plan == null) {
            throw new RejectedEventException(ReasonCode.UNKNOWN_REFERENCE, "plan_id", "no plan " + planId);
        }
        if (!plan.channelId.equals(channelId)) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "channel_id", "plan " + planId + " belongs to channel " + plan.channelId);
        }
        return plan;
    }

    static ChannelEntity liveChannel(UUID channelId) {
        ChannelEntity channel = ChannelProjection.existing(channelId);
        if (channel.retired) {
            throw new RejectedEventException(ReasonCode.UNKNOWN_REFERENCE, "channel_id", "channel " + channelId + " is retired");
        }
        return channel;
    }

    private static void validate(PlanDefinition plan) {
        try {
            CRON.parse(plan.cronExpression()).validate();
        } catch (IllegalArgumentException e) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "cron_expression",
                    "not a 5-field Unix cron expression: " + e.getMessage());
        }
        if (plan.startDate() != null && plan.endDate() != null && plan.endDate().isBefore(plan.startDate())) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "end_date", "must not be before start_date " + plan.startDate());
        }
    }

    private static void write(SchedulePlanEntity plan, PlanDefinition event, Instant at) {
        plan.name = event.name();
        plan.priority = event.priority();
        plan.cronExpression = event.cronExpression();
        plan.startDate = event.startDate();
        plan.endDate = event.endDate();
        plan.active = event.isActive();
        plan.version++;
        plan.updatedAt = at;
    }
}
