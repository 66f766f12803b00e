package io.continuity.events;

import java.util.UUID;

/** Records of {@code continuity.plan-events}, keyed by channel id. */
public sealed interface PlanEvent extends ContinuityEvent
        permits ChannelConfigured, ChannelRetired, PlanCreated, PlanUpdated, PlanRetired,
        AssignmentAdded, AssignmentUpdated, AssignmentRemoved, LabelDefined {

    UUID channelId();
}
