package io.continuity.resolver.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * The single place that turns broadcast days and schedule-time into instants (DESIGN §2 "Broadcast day and
 * schedule-time").
 *
 * <p>Broadcast day D runs from local D at the channel's programming day start to local D+1 at the same local
 * time, so it lasts 23 or 25 hours across DST changes. Schedule-time minutes are added in local calendar time,
 * then converted through the zone with one rule, {@link #toInstant(LocalDateTime, ZoneId)}: a local time in a DST
 * gap moves forward to the first instant after the gap, and in an overlap the earlier offset wins. This rule is
 * monotonic, so consecutive schedule-time windows never overlap or leave holes; windows inside a gap become empty
 * and the window containing a fall-back change grows.
 */
public final class BroadcastDays {

    private BroadcastDays() {
    }

    /** The broadcast day label for {@code instant} on {@code channel}: nothing else may guess it. */
    public static LocalDate broadcastDayOf(ChannelSpec channel, Instant instant) {
        LocalDate day = instant.atZone(channel.zone()).toLocalDate();
        while (instant.isBefore(dayStart(channel, day))) {
            day = day.minusDays(1);
        }
        while (!instant.isBefore(dayEnd(channel, day))) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Local {@code day} at the programming day start, converted through the zone. */
    public static Instant dayStart(ChannelSpec channel, LocalDate day) {
        return toInstant(day.atTime(channel.programmingDayStart()), channel.zone());
    }

    /** The start of the next broadcast day. */
    public static Instant dayEnd(ChannelSpec channel, LocalDate day) {
        return dayStart(channel, day.plusDays(1));
    }

    /**
     * The instant of schedule-time {@code minutes} in broadcast day {@code day}: 0–1440, or up to 2880 for the end
     * of an assignment that runs past 24:00 into the next day.
     */
    public static Instant atScheduleMinute(ChannelSpec channel, LocalDate day, int minutes) {
        LocalDateTime local = day.atTime(channel.programmingDayStart()).plusMinutes(minutes);
        return toInstant(local, channel.zone());
    }

    /**
     * Converts a local date-time with the resolver's rule: gap → first instant after the gap, overlap → earlier
     * offset (the earlier of the two instants).
     */
    public static Instant toInstant(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return local.toInstant(offsets.get(0));
    }
}
