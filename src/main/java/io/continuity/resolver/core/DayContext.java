package io.continuity.resolver.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * What every part of one day's resolution shares: the channel and its grid, the day's bounds and seed, the
 * catalog, the live history (the request's history plus the events placed so far) and the decision log.
 */
record DayContext(ChannelSpec channel, ChannelGrid grid, LocalDate day, Instant dayStart, Instant dayEnd, long seed,
                  CatalogView catalog, PlayHistory history, DecisionLog log) {

    /** Local wall-clock text of an instant, for explanations. */
    String local(Instant instant) {
        return local(channel.zone(), instant);
    }

    /** Local wall-clock text of an instant in {@code zone}, for explanations written later. */
    static String local(ZoneId zone, Instant instant) {
        return LocalDateTime.ofInstant(instant, zone).toLocalTime().toString();
    }

    /** Local wall-clock date and time of an instant, for explanations. */
    String localDateTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, channel.zone()).toString().replace('T', ' ');
    }

    static String minutes(int scheduleMinute) {
        return twoDigits(scheduleMinute / 60) + ":" + twoDigits(scheduleMinute % 60);
    }

    /** A length for explanations: {@code 1h02m03s}, {@code 0m30s}, {@code 0m00.409s}. */
    static String length(long millis) {
        Duration d = Duration.ofMillis(millis);
        // a sub-second remainder is kept: a gap of 409 ms must not read as "0m00s", as if there were none
        int ms = d.toMillisPart();
        String seconds = twoDigits(d.toSecondsPart()) + (ms == 0 ? "" : "." + (ms < 10 ? "00" : ms < 100 ? "0" : "") + ms) + "s";
        return d.toHours() > 0
                ? d.toHours() + "h" + twoDigits(d.toMinutesPart()) + "m" + seconds
                : d.toMinutes() + "m" + seconds;
    }

    /** {@code String.format("%02d", value)} without the formatter (explanations are built for every event). */
    static String twoDigits(long value) {
        return value >= 0 && value < 10 ? "0" + value : Long.toString(value);
    }
}
