package io.continuity.resolver.core;

import java.time.Instant;
import java.util.UUID;

/**
 * One explanation or warning produced while resolving a day: why an asset was chosen, why filler or a gap
 * appears, where a rule was relaxed or a fallback used.
 *
 * @param at           the instant the decision concerns (usually the start of the affected event or window)
 * @param assignmentId the assignment concerned, or null for channel-level decisions
 * @param assetUuid    the asset concerned, or null
 */
public record Decision(Kind kind, Severity severity, Instant at, UUID assignmentId, UUID assetUuid,
                       String message) {

    /** What the decision is about. */
    public enum Kind {
        SELECTED, PADDED, GAP, UNASSIGNED, LAYERED, OVERLAP, DROPPED, SKIPPED, WRAPPED, REPEAT_RELAXED,
        SCARCITY, FALLBACK, FROZEN, DAY_LENGTH, CARRY_OVER
    }

    /** INFO explains normal behaviour; WARNING is something an operator should look at. */
    public enum Severity {
        INFO, WARNING
    }

    public boolean isWarning() {
        return severity == Severity.WARNING;
    }
}
