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
        return String.format("%02d:%02d", scheduleMinute / 60, scheduleMinute % 60);
    }

    static String length(long millis) {
        Duration d = Duration.ofMillis(millis);
        return d.toHours() > 0
                ? String.format("%dh%02dm%02ds", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
