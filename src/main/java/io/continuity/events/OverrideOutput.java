package io.continuity.events;

/** Records Continuity publishes on {@code continuity.overrides}, keyed by channel id. */
public sealed interface OverrideOutput extends ContinuityEvent permits OverrideApplied {
}
