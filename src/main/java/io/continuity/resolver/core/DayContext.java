package io.continuity.resolver.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What every part of one day's resolution shares: the channel and its grid, the day's bounds and seed, the
 * catalog, the live history (the request's history plus the events placed so far) and the decision log.
 */
record DayContext(ChannelSpec channel, ChannelGrid grid, LocalDate day, Instant dayStart, Instant dayEnd, long seed,
                  CatalogView catalog, PlayHistory history, DecisionLog log) {

    /** Local wall-clock text of an instant, for explanations. */
    String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, channel.zone()).toLocalTime().toString();
    }

    /** Local wall-clock date and time of an instant, for explanations. */
    String localDateTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, channel.zone()).toString().replace('T', ' ');
    }

    static String minutes(int scheduleMinute) {
        return twoDigits(scheduleMinute / 60) + ":" + twoDigits(scheduleMinute % 60);
    }

    static String length(long millis) {
        Duration d = Duration.ofMillis(millis);
        return d.toHours() > 0
                ? d.toHours() + "h" + twoDigits(d.toMinutesPart()) + "m" + twoDigits(d.toSecondsPart()) + "s"
                : d.toMinutes() + "m" + twoDigits(d.toSecondsPart()) + "s";
    }

    /** {@code String.format("%02d", value)} without the formatter (explanations are built for every event). */
    static String twoDigits(long value) {
        return value >= 0 && value < 10 ? "0" + value : Long.toString(value);
    }
}
