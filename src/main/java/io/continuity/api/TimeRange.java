package io.continuity.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A half-open window [from, to) taken from {@code from} / {@code to} query parameters, with the defaults and limits of
 * the endpoint that asks. A malformed or inverted window is a 400 problem naming the parameter at fault.
 */
public record TimeRange(Instant from, Instant to) {

    /**
     * @param from          ISO-8601 instant with offset, or null for {@code now}
     * @param to            ISO-8601 instant with offset, or null for {@code from + defaultLength}
     * @param maxLength     the longest window the endpoint serves
     */
    public static TimeRange parse(String from, String to, Instant now, Duration defaultLength, Duration maxLength) {
        Instant start = from == null ? now : instant("from", from);
        Instant end = to == null ? start.plus(defaultLength) : instant("to", to);
        if (!end.isAfter(start)) {
            throw ProblemException.badParameter("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(maxLength) > 0) {
            throw ProblemException.badParameter("to", "a range may span at most " + maxLength.toDays() + " days");
        }
        return new TimeRange(start, end);
    }

    /** An instant query parameter (ISO-8601 with an offset); a 400 problem naming {@code field} when it is not one. */
    public static Instant instant(String field, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(field, "must be an ISO-8601 instant such as 2026-11-22T18:00:00Z, was '" + value + "'");
        }
    }

    /** A date query or path parameter (YYYY-MM-DD); a 400 problem naming {@code field} when it is not one. */
    public static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(field, "must be a date YYYY-MM-DD, was '" + value + "'");
        }
    }

    /** This window widened by {@code margin} on both sides. */
    public TimeRange widen(Duration margin) {
        return new TimeRange(from.minus(margin), to.plus(margin));
    }
}
