package io.continuity.events;

/** Records of {@code continuity.as-run}, keyed by channel id. */
public sealed interface AsRunEvent extends ContinuityEvent permits AsRunRecorded {
}
