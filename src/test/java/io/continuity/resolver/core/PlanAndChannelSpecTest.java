package io.continuity.resolver.core;

import static io.continuity.resolver.core.ChannelBuilder.channel;
import static io.continuity.resolver.core.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Plan matching (cron day fields, date range, activity) and channel grid invariants. */
class PlanAndChannelSpecTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-02-02");
    private static final LocalDate SATURDAY = LocalDate.parse("2026-02-07");

    @Test
    void cronDayOfWeekSelectsWeekdays() {
        PlanSpec weekdays = plan("Weekday").cron("0 6 * * 1-5").build();

        assertThat(weekdays.matches(MONDAY)).isTrue();
        assertThat(weekdays.matches(SATURDAY)).isFalse();
    }

    @Test
    void onlyTheDayFieldsOfTheCronCount() {
        assertThat(plan("Any time").cron("30 23 * * *").build().matches(MONDAY)).isTrue();
        assertThat(plan("Christmas").cron("0 0 25 12 *").build().matches(LocalDate.parse("2026-12-25"))).isTrue();
        assertThat(plan("Christmas").cron("0 0 25 12 *").build().matches(LocalDate.parse("2026-12-24"))).isFalse();
    }

    @Test
    void dateRangeIsInclusiveAndInactivePlansNeverMatch() {
        PlanSpec week = plan("Week").between(MONDAY, SATURDAY).build();

        assertThat(week.matches(MONDAY)).isTrue();
        assertThat(week.matches(SATURDAY)).isTrue();
        assertThat(week.matches(SATURDAY.plusDays(1))).isFalse();
        assertThat(week.matches(MONDAY.minusDays(1))).isFalse();
        assertThat(plan("Retired").inactive().build().matches(MONDAY)).isFalse();
    }

    @Test
    void invalidCronIsRejected() {
        assertThatThrownBy(() -> plan("Bad").cron("* * *").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan("Bad").cron("* * 32 * *").build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void channelOffsetsMustBeSpacedByTheGrid() {
        assertThat(channel().grid(30, 5, 35).dayStart("06:05").build().blockStartOffsetsMinutes())
                .containsExactly(5, 35);
        assertThat(channel().grid(15, 0, 15, 30, 45).build().gridBlockMinutes()).isEqualTo(15);
        assertThatThrownBy(() -> channel().grid(30, 0, 20).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> channel().grid(45, 0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> channel().grid(30, 30, 0).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void programmingDayStartMustBeOnABlockOffset() {
        assertThatThrownBy(() -> channel().grid(30, 5, 35).dayStart("06:00").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("programming_day_start");
    }
}
