package io.continuity.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every {@code ce_type} of the v1 contract, the topic it travels on and the record it decodes to. */
public enum EventType {
    CHANNEL_CONFIGURED("continuity.channel.configured.v1", Topic.PLAN_EVENTS, ChannelConfigured.class),
    CHANNEL_RETIRED("continuity.channel.retired.v1", Topic.PLAN_EVENTS, ChannelRetired.class),
    PLAN_CREATED("continuity.plan.created.v1", Topic.PLAN_EVENTS, PlanCreated.class),
    PLAN_UPDATED("continuity.plan.updated.v1", Topic.PLAN_EVENTS, PlanUpdated.class),
    PLAN_RETIRED("continuity.plan.retired.v1", Topic.PLAN_EVENTS, PlanRetired.class),
    ASSIGNMENT_ADDED("continuity.assignment.added.v1", Topic.PLAN_EVENTS, AssignmentAdded.class),
    ASSIGNMENT_UPDATED("continuity.assignment.updated.v1", Topic.PLAN_EVENTS, AssignmentUpdated.class),
    ASSIGNMENT_REMOVED("continuity.assignment.removed.v1", Topic.PLAN_EVENTS, AssignmentRemoved.class),
    LABEL_DEFINED("continuity.label.defined.v1", Topic.PLAN_EVENTS, LabelDefined.class),
    ASSET_UPSERTED("continuity.asset.upserted.v1", Topic.CATALOG_EVENTS, AssetUpserted.class),
    ASSET_RETIRED("continuity.asset.retired.v1", Topic.CATALOG_EVENTS, AssetRetired.class),
    VIRTUAL_ASSET_DEFINED("continuity.virtual-asset.defined.v1", Topic.CATALOG_EVENTS, VirtualAssetDefined.class),
    OVERRIDE_REQUESTED("continuity.override.requested.v1", Topic.OVERRIDE_COMMANDS, OverrideRequested.class),
    ASRUN_RECORDED("continuity.asrun.recorded.v1", Topic.AS_RUN, AsRunRecorded.class),
    DAY_PUBLISHED("continuity.playlog.day-published.v1", Topic.PLAYLOG, DayPublished.class),
    OVERRIDE_APPLIED("continuity.override.applied.v1", Topic.OVERRIDES, OverrideApplied.class),
    ALERT_RAISED("continuity.alert.raised.v1", Topic.SCHEDULE_ALERTS, AlertRaised.class),
    SCHEDULE_DECIDED("continuity.schedule.decided.v1", Topic.SCHEDULE_DECISIONS, ScheduleDecided.class);

    private static final Map<String, EventType> BY_CE_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));

    private final String ceType;
    private final Topic topic;
    private final Class<? extends ContinuityEvent> recordClass;

    EventType(String ceType, Topic topic, Class<? extends ContinuityEvent> recordClass) {
        this.ceType = ceType;
        this.topic = topic;
        this.recordClass = recordClass;
    }

    public String ceType() {
        return ceType;
    }

    public Topic topic() {
        return topic;
    }

    public Class<? extends ContinuityEvent> recordClass() {
        return recordClass;
    }

    public static Optional<EventType> byCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    /** True when {@code ceType} names a known event in another major version (e.g. a future {@code …v2}). */
    public static boolean isOtherVersionOfKnownType(String ceType) {
        int v = ceType.lastIndexOf(".v");
        if (v < 0) {
            return false;
        }
        String stem = ceType.substring(0, v + 2);
        return BY_CE_TYPE.keySet().stream().anyMatch(known -> known.startsWith(stem));
    }

    public static EventType of(ContinuityEvent event) {
        EventType type = BY_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("No ce_type for " + event.getClass());
        }
        return type;
    }
}
