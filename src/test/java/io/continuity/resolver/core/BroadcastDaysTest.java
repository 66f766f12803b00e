package io.continuity.resolver.core;

import static io.continuity.resolver.core.AssignmentBuilder.at;
import static io.continuity.resolver.core.ChannelBuilder.channel;
import static io.continuity.resolver.core.DayChecks.assertCoversDayExactly;
import static io.continuity.resolver.core.DayChecks.programs;
import static io.continuity.resolver.core.PlanBuilder.plan;
import static io.continuity.resolver.core.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Broadcast day labels, bounds and schedule-time conversion, including DST gaps and overlaps. */
class BroadcastDaysTest {

    private static final ChannelSpec LONDON_SIX_AM = channel().zone("Europe/London").dayStart("06:00").build();
    private static final ChannelSpec NEW_YORK = channel().zone("America/New_York").build();

    @Test
    void instantBeforeTheProgrammingDayStartBelongsToThePreviousBroadcastDay() {
        Instant fiveAm = Instant.parse("2026-01-10T05:00:00Z");
        Instant sixAm = Instant.parse("2026-01-10T06:00:00Z");

        assertThat(BroadcastDays.broadcastDayOf(LONDON_SIX_AM, fiveAm)).isEqualTo(LocalDate.parse("2026-01-09"));
        assertThat(BroadcastDays.broadcastDayOf(LONDON_SIX_AM, sixAm)).isEqualTo(LocalDate.parse("2026-01-10"));
    }

    @Test
    void scheduleTimeIsAnOffsetFromTheProgrammingDayStart() {
        Instant fourteen = BroadcastDays.atScheduleMinute(LONDON_SIX_AM, LocalDate.parse("2026-01-10"), 14 * 60);

        assertThat(fourteen).isEqualTo(Instant.parse("2026-01-10T20:00:00Z"));
    }

    @Test
    void springForwardDayLasts23HoursAndFallBackDayLasts25Hours() {
        assertThat(length(NEW_YORK, "2026-03-08")).isEqualTo(Duration.ofHours(23));
        assertThat(length(NEW_YORK, "2026-11-01")).isEqualTo(Duration.ofHours(25));
        assertThat(length(NEW_YORK, "2026-07-01")).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void localTimeInADstGapMovesForwardToTheEndOfTheGap() {
        ChannelSpec halfPastTwo = channel().zone("America/New_York").dayStart("02:30").build();

        Instant start = BroadcastDays.dayStart(halfPastTwo, LocalDate.parse("2026-03-08"));

        assertThat(start).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        assertThat(LocalDateTime.ofInstant(start, halfPastTwo.zone()).toLocalTime()).hasToString("03:00");
    }

    @Test
    void localTimeInAnOverlapUsesTheEarlierOffset() {
        ChannelSpec halfPastOne = channel().zone("America/New_York").dayStart("01:30").build();

        assertThat(BroadcastDays.dayStart(halfPastOne, LocalDate.parse("2026-11-01")))
                .isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(BroadcastDays.broadcastDayOf(halfPastOne, Instant.parse("2026-11-01T06:10:00Z")))
                .isEqualTo(LocalDate.parse("2026-11-01"));
    }

    @Test
    void labelOfEveryInstantOfADayIsThatDay() {
        LocalDate day = LocalDate.parse("2026-11-01");
        Instant start = BroadcastDays.dayStart(NEW_YORK, day);
        Instant end = BroadcastDays.dayEnd(NEW_YORK, day);

        for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofMinutes(17))) {
            assertThat(BroadcastDays.broadcastDayOf(NEW_YORK, t)).isEqualTo(day);
        }
        assertThat(BroadcastDays.broadcastDayOf(NEW_YORK, end)).isEqualTo(day.plusDays(1));
    }

    @Test
    void assignmentCrossingMidnightStaysInSameBroadcastDay() {
        Scenario late = scenario().channel(channel().zone("Europe/London").dayStart("06:00").grid(60, 0))
                .assets(AssetBuilder.series("night-owls", 6, 55))
                .plan(plan("Nights").with(at("16:00", 240).series("night-owls", EpisodePolicy.SEQUENTIAL)));

        ResolvedDay day = late.resolve("2026-01-10");

        List<ResolvedEvent> shows = programs(day);
        assertThat(shows).extracting(e -> e.start().toString()).containsExactly("2026-01-10T22:00:00Z",
                "2026-01-10T23:00:00Z", "2026-01-11T00:00:00Z", "2026-01-11T01:00:00Z");
        assertThat(shows).allSatisfy(e -> assertThat(BroadcastDays.broadcastDayOf(late.channel(), e.start()))
                .isEqualTo(LocalDate.parse("2026-01-10")));
        assertThat(day.broadcastDay()).isEqualTo(LocalDate.parse("2026-01-10"));
        assertCoversDayExactly(day);
    }

    private static Duration length(ChannelSpec channel, String day) {
        LocalDate date = LocalDate.parse(day);
        return Duration.between(BroadcastDays.dayStart(channel, date), BroadcastDays.dayEnd(channel, date));
    }
}
