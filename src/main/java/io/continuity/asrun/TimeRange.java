package io.continuity.asrun;

import java.time.Duration;
import java.time.Instant;

import io.continuity.api.ProblemException;

/**
 * The [from, to) window of an as-run or reconciliation query, from ISO-8601 {@code from} / {@code to} parameters. Without
 * them it is the day up to now; with one of them, the day after {@code from} or before {@code to}. At most 8 days.
 */
record TimeRange(Instant from, Instant to) {

    static final Duration DEFAULT_SPAN = Duration.ofDays(1);
    static final Duration MAX_SPAN = Duration.ofDays(8);

    static TimeRange parse(String from, String to, Instant now) {
        Instant start = from == null ? null : instant("from", from);
        Instant end = to == null ? (start == null ? now : start.plus(DEFAULT_SPAN)) : instant("to", to);
        if (start == null) {
            start = end.minus(DEFAULT_SPAN);
        }
        if (!end.isAfter(start)) {
            throw ProblemException.badParameter("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw ProblemException.badParameter("to", "a range may span at most " + MAX_SPAN.toDays() + " days");
        }
        return new TimeRange(start, end);
    }

    private static Instant instant(String field, String value) {
        return io.continuity.api.TimeRange.instant(field, value);
    }
}
