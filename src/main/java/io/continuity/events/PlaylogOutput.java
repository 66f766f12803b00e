package io.continuity.events;

/** Records Continuity publishes on {@code continuity.playlog}, keyed by channel id. */
public sealed interface PlaylogOutput extends ContinuityEvent permits DayPublished {
}
