package io.continuity.resolver.core;

import static io.continuity.resolver.core.AssignmentBuilder.at;
import static io.continuity.resolver.core.DayChecks.assertCoversDayExactly;
import static io.continuity.resolver.core.DayChecks.decisions;
import static io.continuity.resolver.core.DayChecks.programStarts;
import static io.continuity.resolver.core.DayChecks.programTitles;
import static io.continuity.resolver.core.DayChecks.programs;
import static io.continuity.resolver.core.PlanBuilder.plan;
import static io.continuity.resolver.core.PlanBuilder.planId;
import static io.continuity.resolver.core.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Plan layering per time window. */
class LayeringTest {

    private static Scenario weekdayWithChristmas() {
        return scenario().assets(AssetBuilder.series("news", 20, 25)).assets(AssetBuilder.series("carols", 5, 25))
                .plan(plan("Weekday").priority(10).cron("* * * * 1-5")
                        .with(at("18:00", 240).series("news", EpisodePolicy.SEQUENTIAL)))
                .plan(plan("ChristmasDay").priority(20).cron("* * 25 12 *")
                        .with(at("19:00", 60).series("carols", EpisodePolicy.SEQUENTIAL)));
    }

    @Test
    void christmasPlanReplacesOnlyTheHourItCoversOfTheWeekdayPlan() {
        Scenario scenario = weekdayWithChristmas();

        ResolvedDay christmas = scenario.resolve("2025-12-25");

        assertThat(programStarts(christmas, scenario.channel())).containsExactly("18:00", "18:30", "19:00", "19:30",
                "20:00", "20:30", "21:00", "21:30");
        assertThat(programTitles(christmas)).containsExactly("news – news S1E1", "news – news S1E2",
                "carols – carols S1E1", "carols – carols S1E2", "news – news S1E3", "news – news S1E4",
                "news – news S1E5", "news – news S1E6");
        assertThat(programs(christmas)).extracting(ResolvedEvent::planId).containsExactly(planId("Weekday"),
                planId("Weekday"), planId("ChristmasDay"), planId("ChristmasDay"), planId("Weekday"),
                planId("Weekday"), planId("Weekday"), planId("Weekday"));
        assertThat(christmas.planLineage()).containsExactly(planId("ChristmasDay"), planId("Weekday"));
        assertThat(decisions(christmas, Decision.Kind.LAYERED)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("ChristmasDay"));
        assertCoversDayExactly(christmas);
    }

    @Test
    void onOtherWeekdaysOnlyTheWeekdayPlanAirs() {
        ResolvedDay christmasEve = weekdayWithChristmas().resolve("2025-12-24");

        assertThat(programTitles(christmasEve)).hasSize(8).allMatch(title -> title.startsWith("news"));
        assertThat(christmasEve.planLineage()).containsExactly(planId("Weekday"));
    }

    @Test
    void equalPriorityGoesToThePlanCreatedLater() {
        Scenario scenario = scenario().assets(AssetBuilder.series("old", 2, 25)).assets(AssetBuilder.series("new", 2, 25))
                .plan(plan("Older").priority(10).created(5).with(at("19:00", 30).series("old", null)))
                .plan(plan("Newer").priority(10).created(9).with(at("19:00", 30).series("new", null)));

        ResolvedDay day = scenario.resolve("2026-02-02");

        assertThat(programTitles(day)).containsExactly("new – new S1E1");
        assertThat(day.planLineage()).containsExactly(planId("Newer"));
    }

    @Test
    void inactiveAndOutOfRangePlansDoNotMatch() {
        Scenario scenario = scenario().assets(AssetBuilder.series("a", 2, 25)).assets(AssetBuilder.series("b", 2, 25))
                .plan(plan("Retired").priority(50).inactive().with(at("19:00", 30).series("a", null)))
                .plan(plan("Summer").priority(40).between(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-08-31"))
                        .with(at("19:00", 30).series("a", null)))
                .plan(plan("Base").priority(1).with(at("19:00", 30).series("b", null)));

        assertThat(programTitles(scenario.resolve("2026-02-02"))).containsExactly("b – b S1E1");
        assertThat(programTitles(scenario.resolve("2026-08-31"))).containsExactly("a – a S1E1");
    }
}
