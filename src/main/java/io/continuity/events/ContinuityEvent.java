package io.continuity.events;

/**
 * Any record of the v1 wire contract. Each topic has its own sealed sub-interface, so a {@code switch} over a
 * topic's events is checked for exhaustiveness by the compiler.
 */
public sealed interface ContinuityEvent
        permits PlanEvent, CatalogEvent, OverrideCommand, AsRunEvent, PlaylogOutput, OverrideOutput, AlertOutput,
        ScheduleDecision {

    /** Optional optimistic-concurrency check on the event's aggregate; {@code null} when not asked for. */
    default Long expectedVersion() {
        return null;
    }
}
