package io.continuity.asrun;

/** How a past playlog event (or an as-run entry without one) compares with what aired; stored in reconciliation_result. */
public enum Outcome {
    /** Aired the planned asset, start and end within the tolerance. */
    OK,
    /** Nothing aired for the event: no as-run entry, or only SKIPPED / ERROR ones. */
    MISSING,
    /** Started later than planned by more than the tolerance. */
    LATE_START,
    /** Ended earlier than planned by more than the tolerance, or was reported TRUNCATED / SHORT. */
    EARLY_END,
    /** Another asset aired, or the entry was reported SUBSTITUTED. */
    SUBSTITUTED,
    /** Something aired that names no playlog event of the channel's current schedule. */
    EXTRA
}
