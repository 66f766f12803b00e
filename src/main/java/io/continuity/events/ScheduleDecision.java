package io.continuity.events;

/** Records of {@code continuity.schedule-decisions}, keyed by channel id: what Continuity decided, and when. */
public sealed interface ScheduleDecision extends ContinuityEvent permits ScheduleDecided {
}
