package io.continuity.plan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;

/**
 * Seed 003's time rules for the block assignments of one plan, as plain functions of schedule-time minutes.
 * An assignment may run past 24:00 (e.g. "22:00" + 240 min); the part past 24:00 airs from 00:00 of the next
 * programming day, so overlap is checked on the 24-hour circle: "22:00" + 240 overlaps "01:00" of the same plan.
 * At most 24 hours (1440 minutes), so an assignment never overlaps itself on the next day.
 */
final class AssignmentWindows {

    static final int DAY_MINUTES = 24 * 60;

    /** An assignment of the plan already stored, as far as these rules need it. */
    record Window(UUID id, String startTime, int startMinute, int duration) {
    }

    private AssignmentWindows() {
    }

    /** Rejects a start at 24:00 or a duration of more than 24 hours (reason {@code invalid_duration}). */
    static void checkLength(int start, int duration) {
        if (duration > DAY_MINUTES) {
            throw new RejectedEventException(ReasonCode.INVALID_DURATION, "duration",
                    "must not exceed 24 hours (" + DAY_MINUTES + " minutes), was " + duration);
        }
        if (start >= DAY_MINUTES) {
            throw new RejectedEventException(ReasonCode.INVALID_DURATION, "duration",
                    "starts at 24:00, the end of the broadcast day, so none of it airs in its day; start it at 00:00");
        }
    }

    /** Rejects an overlap with another assignment of the same plan, the part past 24:00 included (reason {@code overlap}). */
    static void checkOverlap(UUID id, int start, int duration, List<Window> others) {
        Optional<Window> hit = others.stream()
                .filter(other -> !other.id().equals(id) && overlap(start, duration, other.startMinute(), other.duration()))
                .findFirst();
        if (hit.isPresent()) {
            Window other = hit.get();
            throw new RejectedEventException(ReasonCode.OVERLAP, "start_time", "overlaps assignment " + other.id()
                    + " (" + other.startTime() + ", " + other.duration() + " min) of the same plan"
                    + (start + duration > DAY_MINUTES || other.startMinute() + other.duration() > DAY_MINUTES
                    ? " (the part past 24:00 airs from 00:00 of the next programming day)" : ""));
        }
    }

    /** Whether two windows share a minute of the 24-hour circle (each at most 24 hours long). */
    static boolean overlap(int startA, int durationA, int startB, int durationB) {
        for (int shift = -DAY_MINUTES; shift <= DAY_MINUTES; shift += DAY_MINUTES) {
            int b = startB + shift;
            if (b < startA + durationA && startA < b + durationB) {
                return true;
            }
        }
        return false;
    }
}
