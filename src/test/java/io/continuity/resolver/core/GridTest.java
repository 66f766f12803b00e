package io.continuity.resolver.core;

import static io.continuity.resolver.core.AssignmentBuilder.at;
import static io.continuity.resolver.core.ChannelBuilder.channel;
import static io.continuity.resolver.core.DayChecks.assertCoversDayExactly;
import static io.continuity.resolver.core.DayChecks.local;
import static io.continuity.resolver.core.DayChecks.programStarts;
import static io.continuity.resolver.core.DayChecks.programs;
import static io.continuity.resolver.core.PlanBuilder.plan;
import static io.continuity.resolver.core.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Grid boundaries and padding. */
class GridTest {

    private static Scenario fiveAndThirtyFive() {
        return scenario().channel(channel().grid(30, 5, 35).dayStart("06:05"))
                .assets(AssetBuilder.series("toons", 20, 22))
                .plan(plan("Daily").with(at("00:00", 120).series("toons", EpisodePolicy.SEQUENTIAL),
                        at("03:10", 50).series("toons", EpisodePolicy.SEQUENTIAL)));
    }

    @Test
    void grid30WithOffsets5And35StartsEveryItemAtFiveOrThirtyFivePastTheHour() {
        Scenario scenario = fiveAndThirtyFive();

        ResolvedDay day = scenario.resolve("2026-02-02");

        assertThat(day.dayStart()).isEqualTo(Instant.parse("2026-02-02T06:05:00Z"));
        assertThat(programStarts(day, scenario.channel())).containsExactly("06:05", "06:35", "07:05", "07:35",
                "09:35");
        assertCoversDayExactly(day);
    }

    @Test
    void offGridAssignmentStartWaitsForTheNextBoundaryWithFiller() {
        Scenario scenario = fiveAndThirtyFive();

        ResolvedDay day = scenario.resolve("2026-02-02");

        ResolvedEvent late = programs(day).get(4);
        assertThat(day.events()).filteredOn(e -> local(scenario.channel(), e.start()).compareTo("09:15") >= 0
                        && e.start().isBefore(late.start()))
                .isNotEmpty().extracting(ResolvedEvent::kind).containsOnly(EventKind.FILLER);
        assertThat(local(scenario.channel(), late.end())).isEqualTo("09:57");
    }

    @Test
    void itemIsPaddedToItsNextBoundaryAndARemainderShorterThanAnyFillerBecomesAGap() {
        CatalogAsset odd = AssetBuilder.movie("Odd Length", 22).durationMs(22 * 60_000L + 30_000L).build();
        ResolvedDay day = scenario().withoutFillers().assets(AssetBuilder.filler(60).build(), odd)
                .plan(plan("Daily").with(at("10:00", 30).asset(odd))).resolve("2026-02-02");

        ResolvedEvent show = programs(day).get(0);
        assertThat(DayChecks.between(day, show.end(), Instant.parse("2026-02-02T10:30:00Z")))
                .extracting(ResolvedEvent::kind)
                .containsExactly(EventKind.FILLER, EventKind.FILLER, EventKind.FILLER, EventKind.FILLER,
                        EventKind.FILLER, EventKind.FILLER, EventKind.FILLER, EventKind.GAP);
        assertThat(DayChecks.decisions(day, Decision.Kind.GAP)).anyMatch(d -> d.message().contains("0m30s"));
        assertCoversDayExactly(day);
    }

    @Test
    void fallBackHourHasNoBoundariesOfItsOwn() {
        ChannelGrid grid = new ChannelGrid(channel().zone("America/New_York").build());
        Instant secondOneThirty = Instant.parse("2026-11-01T06:30:00Z");

        assertThat(grid.isBoundary(Instant.parse("2026-11-01T05:30:00Z"))).isTrue();
        assertThat(grid.isBoundary(secondOneThirty)).isFalse();
        assertThat(grid.nextBoundaryAtOrAfter(secondOneThirty)).isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
        assertThat(BroadcastDays.broadcastDayOf(channel().zone("America/New_York").build(), secondOneThirty))
                .isEqualTo(LocalDate.parse("2026-11-01"));
    }
}
