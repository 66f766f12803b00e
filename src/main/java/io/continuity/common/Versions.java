package io.continuity.common;

import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;

/** Optimistic concurrency on an aggregate: an event's {@code expected_version} must equal the stored version. */
public final class Versions {

    private Versions() {
    }

    /**
     * @param expected the event's expected_version, or {@code null} for no check
     * @param current  the aggregate's version now, 0 when it does not exist yet
     */
    public static void check(Long expected, long current, String aggregate) {
        if (expected != null && expected != current) {
            throw new RejectedEventException(ReasonCode.VERSION_CONFLICT, "expected_version",
                    aggregate + " is at version " + current + ", not " + expected);
        }
    }
}
