package io.continuity.resolver.core;

import static io.continuity.resolver.core.AssignmentBuilder.at;
import static io.continuity.resolver.core.ChannelBuilder.channel;
import static io.continuity.resolver.core.DayChecks.assertCoversDayExactly;
import static io.continuity.resolver.core.DayChecks.decisions;
import static io.continuity.resolver.core.DayChecks.programs;
import static io.continuity.resolver.core.PlanBuilder.plan;
import static io.continuity.resolver.core.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Assignments past schedule-time 24:00 (seed 003: "22:00" + 240 min spans to 02:00 of the next programming day),
 * in America/New_York around the spring-forward night 2027-03-14 and the fall-back night 2026-11-01. The instants
 * are worked out by hand in each test.
 */
class CarryOverTest {

    private static final CatalogAsset FEATURE = AssetBuilder.movie("Late Feature", 200).build();

    /** "Nights" plays FEATURE at 22:00 for 240 min; "Early" plays cartoons (22 min, S/E order) at 00:00 for 240 min. */
    private static Scenario lateFeature(String dayStart) {
        return scenario().channel(channel().zone("America/New_York").dayStart(dayStart))
                .assets(FEATURE).assets(AssetBuilder.series("cartoon", 40, 22))
                .plan(plan("Nights").with(at("22:00", 240).asset(FEATURE)))
                .plan(plan("Early").with(at("00:00", 240).series("cartoon", EpisodePolicy.SEQUENTIAL)));
    }

    @Test
    void assignmentCrossingTheSpringForwardDayEndIsSplitAndCarriedIntoTheNextDay() {
        Scenario scenario = lateFeature("00:00");

        List<ResolvedDay> days = scenario.resolveDays("2027-03-13", 2);
        ResolvedDay saturday = days.get(0);
        ResolvedDay sunday = days.get(1);

        // 2027-03-13 22:00 EST = 03:00Z; the day ends at 2027-03-14 00:00 EST = 05:00Z
        ResolvedEvent firstPart = last(saturday.events());
        assertThat(saturday.dayEnd()).isEqualTo(Instant.parse("2027-03-14T05:00:00Z"));
        assertThat(firstPart.assetUuid()).isEqualTo(FEATURE.uuid());
        assertThat(firstPart.start()).isEqualTo(Instant.parse("2027-03-14T03:00:00Z"));
        assertThat(firstPart.end()).isEqualTo(Instant.parse("2027-03-14T05:00:00Z"));
        assertThat(firstPart.offsetMs()).isZero();
        // the other 80 minutes air 05:00Z-06:20Z; the window ends at schedule-time 26:00 = 2027-03-14 02:00 local,
        // inside the DST gap, so at 03:00 EDT = 07:00Z: filler from 06:20Z to 07:00Z
        List<ResolvedEvent> carried = saturday.carryOut();
        ResolvedEvent secondPart = carried.get(0);
        assertThat(secondPart.assetUuid()).isEqualTo(FEATURE.uuid());
        assertThat(secondPart.kind()).isEqualTo(EventKind.PROGRAM);
        assertThat(secondPart.start()).isEqualTo(Instant.parse("2027-03-14T05:00:00Z"));
        assertThat(secondPart.end()).isEqualTo(Instant.parse("2027-03-14T06:20:00Z"));
        assertThat(secondPart.offsetMs()).isEqualTo(Duration.ofMinutes(120).toMillis());
        assertThat(secondPart.uuid()).isNotEqualTo(firstPart.uuid()).isEqualTo(EventIds.eventUuid(
                scenario.channel().id(), LocalDate.parse("2027-03-13"), secondPart.start(), FEATURE.uuid(),
                EventKind.PROGRAM, 0));
        assertThat(carried.subList(1, carried.size())).extracting(ResolvedEvent::kind).containsOnly(EventKind.FILLER);
        assertThat(last(carried).end()).isEqualTo(Instant.parse("2027-03-14T07:00:00Z"));
        assertContiguous(carried);

        // Sunday 2027-03-14 lasts 23 h (05:00Z to 2027-03-15 04:00Z) and opens with the carried events
        assertThat(sunday.dayStart()).isEqualTo(Instant.parse("2027-03-14T05:00:00Z"));
        assertThat(sunday.dayEnd()).isEqualTo(Instant.parse("2027-03-15T04:00:00Z"));
        assertThat(sunday.events().subList(0, carried.size())).isEqualTo(carried);
        assertCoversDayExactly(saturday);
        assertCoversDayExactly(sunday);
    }

    @Test
    void nextDaysOwnMidnightAssignmentResumesAfterTheCarryOverAndTheCutIsExplained() {
        Scenario scenario = lateFeature("00:00");

        ResolvedDay sunday = scenario.resolveDays("2027-03-13", 2).get(1);

        // "Early" would air 00:00-04:00 local = 05:00Z-08:00Z; the carry-over takes 05:00Z-07:00Z (00:00 EST to
        // 03:00 EDT). Saturday aired episodes 1-8 from 00:00 to 04:00, so Sunday resumes with episode 9 at 07:00Z.
        ResolvedEvent resumed = programs(sunday).stream().filter(e -> !FEATURE.uuid().equals(e.assetUuid()))
                .findFirst().orElseThrow();
        assertThat(resumed.start()).isEqualTo(Instant.parse("2027-03-14T07:00:00Z"));
        assertThat(resumed.title()).endsWith("cartoon S1E9");
        AssignmentSpec early = scenario.request("2027-03-14").plans().get(1).assignments().get(0);
        assertThat(decisions(sunday, Decision.Kind.CARRY_OVER)).filteredOn(d -> early.id().equals(d.assignmentId()))
                .singleElement().satisfies(d -> {
                    assertThat(d.at()).isEqualTo(Instant.parse("2027-03-14T05:00:00Z"));
                    assertThat(d.message()).contains("'Early'").contains("cut from 00:00 to 03:00")
                            .contains("2027-03-13");
                });
        assertThat(sunday.events()).filteredOn(e -> e.start().isBefore(Instant.parse("2027-03-14T07:00:00Z")))
                .noneMatch(e -> early.id().equals(e.assignmentId()));
    }

    @Test
    void assignmentCrossingTheFallBackDayEndCarriesThreeHoursIntoThe25HourDay() {
        Scenario scenario = lateFeature("00:00");

        List<ResolvedDay> days = scenario.resolveDays("2026-10-31", 2);
        ResolvedDay saturday = days.get(0);
        ResolvedDay sunday = days.get(1);

        // 2026-10-31 22:00 EDT = 2026-11-01T02:00Z; day end 00:00 EDT = 04:00Z; the window ends at schedule-time
        // 26:00 = 2026-11-01 02:00 EST = 07:00Z (after the repeated hour): 5 hours of air for a 240-minute slot
        assertThat(last(saturday.events())).satisfies(e -> {
            assertThat(e.assetUuid()).isEqualTo(FEATURE.uuid());
            assertThat(e.start()).isEqualTo(Instant.parse("2026-11-01T02:00:00Z"));
            assertThat(e.end()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
            assertThat(e.offsetMs()).isZero();
        });
        List<ResolvedEvent> carried = saturday.carryOut();
        assertThat(carried.get(0)).satisfies(e -> {
            assertThat(e.assetUuid()).isEqualTo(FEATURE.uuid());
            assertThat(e.start()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
            assertThat(e.end()).isEqualTo(Instant.parse("2026-11-01T05:20:00Z"));
            assertThat(e.offsetMs()).isEqualTo(7_200_000L);
        });
        assertThat(last(carried).end()).isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
        assertContiguous(carried);

        assertThat(Duration.between(sunday.dayStart(), sunday.dayEnd())).isEqualTo(Duration.ofHours(25));
        assertThat(sunday.events().subList(0, carried.size())).isEqualTo(carried);
        ResolvedEvent resumed = programs(sunday).stream().filter(e -> !FEATURE.uuid().equals(e.assetUuid()))
                .findFirst().orElseThrow();
        assertThat(resumed.start()).isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
        assertThat(decisions(sunday, Decision.Kind.CARRY_OVER)).anySatisfy(d -> assertThat(d.message())
                .contains("'Early'").contains("cut from 00:00 to 02:00"));
        assertCoversDayExactly(saturday);
        assertCoversDayExactly(sunday);
    }

    @Test
    void withASixAmDayStartScheduleTime2200IsFourAmLocalAndTheCarryOverEndsAtSeven() {
        Scenario scenario = scenario().channel(channel().zone("America/New_York").dayStart("06:00"))
                .assets(AssetBuilder.series("doc", 10, 70)).assets(AssetBuilder.series("sitcom", 20, 22))
                .plan(plan("Overnight").with(at("22:00", 180).series("doc", EpisodePolicy.SEQUENTIAL)))
                .plan(plan("Morning").with(at("00:00", 120).series("sitcom", EpisodePolicy.SEQUENTIAL)));

        List<ResolvedDay> days = scenario.resolveDays("2027-03-13", 2);
        ResolvedDay first = days.get(0);
        ResolvedDay next = days.get(1);

        // 2027-03-13 runs 06:00 EST (11:00Z) to 2027-03-14 06:00 EDT (10:00Z): 23 h. Schedule-time 22:00 is
        // 2027-03-14 04:00 EDT = 08:00Z and 22:00 + 180 min is 07:00 EDT = 11:00Z. Episode 1 airs 08:00Z-09:10Z,
        // episode 2 from the 09:30Z boundary to 10:40Z: split at the day end 10:00Z
        assertThat(first.dayEnd()).isEqualTo(Instant.parse("2027-03-14T10:00:00Z"));
        assertThat(programs(first)).filteredOn(e -> e.title().startsWith("doc")).extracting(ResolvedEvent::start)
                .containsExactly(Instant.parse("2027-03-14T08:00:00Z"), Instant.parse("2027-03-14T09:30:00Z"));
        assertThat(last(first.events())).satisfies(e -> {
            assertThat(e.title()).endsWith("doc S1E2");
            assertThat(e.end()).isEqualTo(Instant.parse("2027-03-14T10:00:00Z"));
            assertThat(e.offsetMs()).isZero();
        });
        List<ResolvedEvent> carried = first.carryOut();
        assertThat(carried.get(0)).satisfies(e -> {
            assertThat(e.title()).endsWith("doc S1E2");
            assertThat(e.start()).isEqualTo(Instant.parse("2027-03-14T10:00:00Z"));
            assertThat(e.end()).isEqualTo(Instant.parse("2027-03-14T10:40:00Z"));
            assertThat(e.offsetMs()).isEqualTo(Duration.ofMinutes(30).toMillis());
        });
        assertThat(last(carried).end()).isEqualTo(Instant.parse("2027-03-14T11:00:00Z"));

        // the next day's 00:00 (06:00 local) sitcoms resume at 07:00 EDT = 11:00Z
        assertThat(next.events().subList(0, carried.size())).isEqualTo(carried);
        assertThat(programs(next).stream().filter(e -> e.title().startsWith("sitcom")).findFirst().orElseThrow())
                .satisfies(e -> assertThat(e.start()).isEqualTo(Instant.parse("2027-03-14T11:00:00Z")));
        assertThat(decisions(next, Decision.Kind.CARRY_OVER)).anySatisfy(d -> assertThat(d.message())
                .contains("'Morning'").contains("cut from 06:00 to 07:00"));
        assertCoversDayExactly(first);
        assertCoversDayExactly(next);
    }

    @Test
    void carriedEventsAreTheSameWhetherTheNextDayIsResolvedTogetherOrLaterFromTheCarryOut() {
        Scenario scenario = lateFeature("00:00");
        List<ResolvedDay> together = scenario.resolveDays("2027-03-13", 2);

        ResolvedDay later = new Resolver().resolve(scenario.request("2027-03-14")
                .forDay(LocalDate.parse("2027-03-14"), PlayHistory.empty().plus(together.get(0)))
                .withCarryIn(together.get(0).carryOut()));

        assertThat(later).isEqualTo(together.get(1));
        assertThat(new Resolver().resolve(scenario.request("2027-03-13"))).isEqualTo(together.get(0));
    }

    @Test
    void frozenPrefixWinsWhereItCoversTheCarriedEvents() {
        Scenario scenario = lateFeature("00:00");
        List<ResolvedDay> together = scenario.resolveDays("2027-03-13", 2);
        ResolvedDay sunday = together.get(1);
        List<ResolvedEvent> carryIn = together.get(0).carryOut();
        PlayHistory history = PlayHistory.empty().plus(together.get(0));

        ResolvedDay sameFrozen = resolveSunday(scenario, history, sunday.events().subList(0, 3), carryIn);
        assertThat(sameFrozen.events()).isEqualTo(sunday.events());

        // a previous version without the carry-over: its first cartoon (05:00Z-05:22Z) is frozen; the carried
        // feature part (from 05:00Z) loses to it, filler covers the hole up to the next carried event (06:20Z)
        ResolvedDay withoutCarry = new Resolver().resolve(scenario.request("2027-03-14"));
        List<ResolvedEvent> frozen = withoutCarry.events().subList(0, 1);
        assertThat(frozen.get(0).title()).endsWith("cartoon S1E1");
        ResolvedDay mixed = resolveSunday(scenario, history, frozen, carryIn);
        assertThat(mixed.events().get(0)).isEqualTo(frozen.get(0));
        assertThat(mixed.events()).filteredOn(e -> e.start().isBefore(Instant.parse("2027-03-14T07:00:00Z")))
                .noneMatch(e -> FEATURE.uuid().equals(e.assetUuid()));
        assertThat(mixed.events()).containsAll(carryIn.subList(1, carryIn.size()));
        assertCoversDayExactly(mixed);
    }

    @Test
    void frozenPrefixReachingTheDayEndStillCarriesTheRestOfTheSplitItem() {
        Scenario scenario = lateFeature("00:00");
        ResolvedDay saturday = scenario.resolve("2027-03-13");

        ResolvedDay again = scenario.frozenPrefix(saturday.events()).resolve("2027-03-13");

        assertThat(again.events()).isEqualTo(saturday.events());
        assertThat(again.carryOut()).isEqualTo(saturday.carryOut());
    }

    @Test
    void strongerPlanHoldingTheEndOfTheDayLeavesNothingToCarry() {
        CatalogAsset news = AssetBuilder.movie("Late News", 30).build();
        Scenario scenario = lateFeature("00:00").assets(news)
                .plan(plan("Special").priority(20).with(at("23:30", 30).asset(news)));

        List<ResolvedDay> days = scenario.resolveDays("2027-03-13", 2);

        assertThat(days.get(0).carryOut()).isEmpty();
        assertThat(decisions(days.get(1), Decision.Kind.CARRY_OVER)).isEmpty();
        assertThat(programs(days.get(1)).get(0).title()).endsWith("cartoon S1E9");
        days.forEach(DayChecks::assertCoversDayExactly);
    }

    private static ResolvedDay resolveSunday(Scenario scenario, PlayHistory history, List<ResolvedEvent> frozen,
                                             List<ResolvedEvent> carryIn) {
        ResolveRequest base = scenario.request("2027-03-14");
        return new Resolver().resolve(new ResolveRequest(base.channel(), base.broadcastDay(), base.plans(),
                base.catalog(), history, 0, frozen, carryIn));
    }

    private static void assertContiguous(List<ResolvedEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).start()).isEqualTo(events.get(i - 1).end());
        }
    }

    private static ResolvedEvent last(List<ResolvedEvent> events) {
        return new ArrayList<>(events).get(events.size() - 1);
    }
}
