package io.continuity.resolver.core;

/** What a PlaylogOverride does to a day (the {@code action} of {@code override.requested.v1}). */
public enum OverrideAction {
    /** Another asset airs in the target event's window. */
    REPLACE,
    /** An asset airs at a given time (breaking news); what it overlaps is superseded. */
    INSERT,
    /** The target's asset moves to another time; its window becomes slate. */
    RETIME,
    /** The target's window becomes slate. */
    CANCEL;

    /** How the schedule continues after an inserted event. */
    public enum Resume {
        /** The interrupted item goes on where it would have been. */
        JOIN_IN_PROGRESS,
        /** Slate until the next item, which starts on time. */
        NEXT_EVENT
    }
}
