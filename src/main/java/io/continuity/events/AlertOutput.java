package io.continuity.events;

/** Records Continuity publishes on {@code continuity.schedule-alerts}, keyed by channel id. */
public sealed interface AlertOutput extends ContinuityEvent permits AlertRaised {
}
