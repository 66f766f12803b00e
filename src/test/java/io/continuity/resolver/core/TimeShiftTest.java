package io.continuity.resolver.core;

import static io.continuity.resolver.core.ChannelBuilder.channel;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeShiftTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final LocalDate DAY = LocalDate.of(2026, 3, 29);

    private final ChannelSpec source = channel().slug("source").zone("UTC").dayStart("06:00").build();

    /** Source events of 25 minutes (so they cross every boundary at odd points), each a different asset, from {@code from} to {@code to}. */
    private static List<ResolvedEvent> programmes(Instant from, Instant to) {
        List<ResolvedEvent> events = new ArrayList<>();
        int n = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(25)), n++) {
            Instant end = t.plus(Duration.ofMinutes(25)).isAfter(to) ? to : t.plus(Duration.ofMinutes(25));
            UUID asset = new UUID(7, n);
            events.add(new ResolvedEvent(UUID.randomUUID(), asset, EventKind.PROGRAM, t, end, 0, null, null, "P" + n, List.of(new UUID(8, n))));
        }
        return events;
    }

    @Test
    void aPlusOneDayIsTheSourceAnHourLaterCutAtItsOwnDayAndCoversItExactly() {
        ChannelSpec copy = channel().slug("copy").zone("UTC").dayStart("06:00").build();
        List<ResolvedEvent> src = programmes(BroadcastDays.dayStart(source, DAY.minusDays(1)), BroadcastDays.dayEnd(source, DAY));

        ResolvedDay day = TimeShift.day(copy, DAY, 0, HOUR, "source", src);

        DayChecks.assertCoversDayExactly(day);
        assertThat(day.events()).noneMatch(e -> e.kind() == EventKind.GAP);
        for (ResolvedEvent e : day.events()) {
            Instant sourceTime = e.start().minus(HOUR);
            ResolvedEvent original = src.stream().filter(s -> !s.start().isAfter(sourceTime) && s.end().isAfter(sourceTime)).findFirst().orElseThrow();
            assertThat(e.assetUuid()).isEqualTo(original.assetUuid());
            assertThat(e.title()).isEqualTo(original.title());
            assertThat(e.fallback()).isEqualTo(original.fallback());
            assertThat(e.offsetMs()).as("what of the asset already aired at the split").isEqualTo(Duration.between(original.start(), sourceTime).toMillis());
            assertThat(e.uuid()).isNotEqualTo(original.uuid());
        }
        // 06:00 on the copy is 05:00 on the source, 23 h into the source's day before: the item begun at 04:55 has 20 minutes left
        assertThat(day.events().get(0).offsetMs()).isEqualTo(Duration.ofMinutes(5).toMillis());
        assertThat(day.events().get(0).duration()).isEqualTo(Duration.ofMinutes(20));
        assertThat(TimeShift.day(copy, DAY, 0, HOUR, "source", src)).as("deterministic").isEqualTo(day);
    }

    @Test
    void timeTheSourceHasNoScheduleForIsAGapWithAWarning() {
        ChannelSpec copy = channel().slug("copy").zone("UTC").dayStart("06:00").build();
        Instant sourceEnd = BroadcastDays.dayStart(source, DAY).plus(Duration.ofHours(10));
        List<ResolvedEvent> src = programmes(BroadcastDays.dayStart(source, DAY.minusDays(1)), sourceEnd);

        ResolvedDay day = TimeShift.day(copy, DAY, 0, HOUR, "source", src);

        DayChecks.assertCoversDayExactly(day);
        ResolvedEvent last = day.events().get(day.events().size() - 1);
        assertThat(last.kind()).isEqualTo(EventKind.GAP);
        assertThat(last.start()).isEqualTo(sourceEnd.plus(HOUR));
        assertThat(day.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("source has no schedule from"));
    }

    @Test
    void aCopyInAnotherZoneFollowsItsOwnDstDay() {
        // the copy's day in Berlin from 06:00 on 28 March to 06:00 on the 29th is 23 hours long (clocks go forward at 02:00
        // on the 29th); the source's days are UTC days
        ChannelSpec copy = channel().slug("copy").zone("Europe/Berlin").dayStart("06:00").build();
        List<ResolvedEvent> src = programmes(BroadcastDays.dayStart(source, DAY.minusDays(2)), BroadcastDays.dayEnd(source, DAY.plusDays(1)));

        ResolvedDay day = TimeShift.day(copy, DAY.minusDays(1), 0, HOUR, "source", src);

        DayChecks.assertCoversDayExactly(day);
        assertThat(Duration.between(day.dayStart(), day.dayEnd())).isEqualTo(Duration.ofHours(23));
        assertThat(day.events()).noneMatch(e -> e.kind() == EventKind.GAP);
    }

    @Test
    void theFrozenPartOfTheCurrentVersionIsKeptAndTheItemAcrossItsEndContinuesWhereItWas() {
        ChannelSpec copy = channel().slug("copy").zone("UTC").dayStart("06:00").build();
        ResolvedDay derived = TimeShift.day(copy, DAY, 0, HOUR, "source",
                programmes(BroadcastDays.dayStart(source, DAY.minusDays(1)), BroadcastDays.dayEnd(source, DAY)));
        Instant dayStart = derived.dayStart();
        ResolvedEvent frozen = new ResolvedEvent(UUID.randomUUID(), new UUID(9, 9), EventKind.PROGRAM, dayStart, dayStart.plus(Duration.ofMinutes(42)),
                0, null, null, "kept", List.of());

        ResolvedDay kept = TimeShift.keeping(derived, List.of(frozen), 0);

        DayChecks.assertCoversDayExactly(kept);
        assertThat(kept.events().get(0)).isEqualTo(frozen);
        ResolvedEvent next = kept.events().get(1);
        ResolvedEvent across = derived.events().stream().filter(e -> e.start().isBefore(frozen.end()) && e.end().isAfter(frozen.end()))
                .findFirst().orElseThrow();
        assertThat(next.start()).isEqualTo(frozen.end());
        assertThat(next.assetUuid()).isEqualTo(across.assetUuid());
        assertThat(next.offsetMs()).isEqualTo(across.offsetMs() + Duration.between(across.start(), frozen.end()).toMillis());
        assertThat(kept.events().subList(2, kept.events().size())).isEqualTo(derived.events().subList(derived.events().indexOf(across) + 1,
                derived.events().size()));
    }

    @Test
    void anItemTheSourceSplitAtItsOwnDayBoundaryIsOneItemOnTheCopy() {
        ChannelSpec copy = channel().slug("copy").zone("UTC").dayStart("03:00").build();
        Instant boundary = BroadcastDays.dayStart(source, DAY);
        UUID movie = new UUID(5, 5);
        List<ResolvedEvent> src = new ArrayList<>(programmes(boundary.minus(Duration.ofHours(30)), boundary.minus(Duration.ofMinutes(40))));
        src.add(new ResolvedEvent(UUID.randomUUID(), movie, EventKind.PROGRAM, boundary.minus(Duration.ofMinutes(40)), boundary, 0, null, null,
                "Movie", List.of()));
        src.add(new ResolvedEvent(UUID.randomUUID(), movie, EventKind.PROGRAM, boundary, boundary.plus(Duration.ofMinutes(50)),
                Duration.ofMinutes(40).toMillis(), null, null, "Movie", List.of()));
        src.addAll(programmes(boundary.plus(Duration.ofMinutes(50)), boundary.plus(Duration.ofHours(30))));

        ResolvedDay day = TimeShift.day(copy, DAY, 0, HOUR, "source", src);

        DayChecks.assertCoversDayExactly(day);
        assertThat(day.events()).filteredOn(e -> movie.equals(e.assetUuid())).singleElement().satisfies(e -> {
            assertThat(e.start()).isEqualTo(boundary.minus(Duration.ofMinutes(40)).plus(HOUR));
            assertThat(e.duration()).isEqualTo(Duration.ofMinutes(90));
            assertThat(e.offsetMs()).isZero();
        });
    }
}
