package io.continuity.events;

/** Records of {@code continuity.override-commands}, keyed by channel id. */
public sealed interface OverrideCommand extends ContinuityEvent permits OverrideRequested {
}
