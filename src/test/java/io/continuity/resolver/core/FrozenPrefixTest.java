package io.continuity.resolver.core;

import static io.continuity.resolver.core.AssignmentBuilder.at;
import static io.continuity.resolver.core.DayChecks.assertCoversDayExactly;
import static io.continuity.resolver.core.DayChecks.local;
import static io.continuity.resolver.core.DayChecks.programs;
import static io.continuity.resolver.core.PlanBuilder.plan;
import static io.continuity.resolver.core.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Re-resolution keeps frozen events and resumes at the next grid boundary. */
class FrozenPrefixTest {

    private static final String DAY = "2026-02-02";

    private static Scenario morning(String series) {
        return scenario().assets(AssetBuilder.series("first", 20, 22)).assets(AssetBuilder.series("second", 20, 22))
                .plan(plan("Daily").with(at("06:00", 360).series(series, EpisodePolicy.SEQUENTIAL)));
    }

    /** Events up to and including the programme that starts at 07:00 (it ends at 07:22). */
    private static List<ResolvedEvent> prefixThroughSevenAm(ResolvedDay day, ChannelSpec channel) {
        ResolvedEvent seven = programs(day).stream().filter(e -> local(channel, e.start()).equals("07:00"))
                .findFirst().orElseThrow();
        return day.events().subList(0, day.events().indexOf(seven) + 1);
    }

    @Test
    void frozenPrefixIsKeptAndResolutionResumesAtTheNextBoundary() {
        Scenario before = morning("first");
        ResolvedDay original = before.resolve(DAY);
        List<ResolvedEvent> frozen = prefixThroughSevenAm(original, before.channel());

        Scenario after = morning("second").frozenPrefix(frozen);
        ResolvedDay changed = after.resolve(DAY);

        assertThat(changed.events().subList(0, frozen.size())).isEqualTo(frozen);
        ResolvedEvent firstNew = changed.events().get(frozen.size());
        assertThat(firstNew.start()).isEqualTo(frozen.get(frozen.size() - 1).end());
        assertThat(firstNew.kind()).isEqualTo(EventKind.FILLER);
        ResolvedEvent resumed = programs(changed).stream().filter(e -> e.start().isAfter(firstNew.start()))
                .findFirst().orElseThrow();
        assertThat(local(after.channel(), resumed.start())).isEqualTo("07:30");
        assertThat(resumed.title()).startsWith("second").endsWith("S1E1");
        assertThat(changed.decisions()).anyMatch(d -> d.kind() == Decision.Kind.FROZEN);
        assertCoversDayExactly(changed);
    }

    /**
     * A frozen programme judged not to have aired (as-run MISSING) stays where it was, but the sequence does not count
     * it: the next episode after the frozen prefix is the one that did not air.
     */
    @Test
    void aFrozenEpisodeThatDidNotAirComesAgainAfterTheFrozenPrefix() {
        Scenario scenario = morning("first");
        ResolvedDay original = scenario.resolve(DAY);
        List<ResolvedEvent> frozen = prefixThroughSevenAm(original, scenario.channel());
        ResolvedEvent missed = programs(original).stream().filter(e -> local(scenario.channel(), e.start()).equals("07:00"))
                .findFirst().orElseThrow();

        ResolvedDay again = scenario.frozenPrefix(frozen).notAired(java.util.Set.of(missed.uuid())).resolve(DAY);

        assertThat(again.events().subList(0, frozen.size())).isEqualTo(frozen);
        ResolvedEvent next = programs(again).stream().filter(e -> e.start().isAfter(missed.start())).findFirst().orElseThrow();
        assertThat(next.assetUuid()).as("the episode after the frozen prefix").isEqualTo(missed.assetUuid());
        ResolvedEvent before = programs(original).stream().filter(e -> e.start().isAfter(missed.start())).findFirst().orElseThrow();
        assertThat(before.assetUuid()).as("without the judgement the sequence moved on").isNotEqualTo(missed.assetUuid());
        assertCoversDayExactly(again);
    }

    @Test
    void sequentialOrderContinuesAfterTheFrozenPrefix() {
        Scenario scenario = morning("first");
        ResolvedDay original = scenario.resolve(DAY);
        List<ResolvedEvent> frozen = prefixThroughSevenAm(original, scenario.channel());

        ResolvedDay again = scenario.frozenPrefix(frozen).resolve(DAY);

        assertThat(DayChecks.programTitles(again)).isEqualTo(DayChecks.programTitles(original));
        assertThat(DayChecks.programAssets(again)).isEqualTo(DayChecks.programAssets(original));
    }

    /**
     * A day first resolved before its content arrived (filler only) and frozen up to 09:00, then resolved again with the
     * content, equals the day resolved in one go with the content from the first grid boundary after the frozen events:
     * the filler of the unassigned morning included, not only the programmes.
     */
    @Test
    void whatFollowsTheFrozenEventsDoesNotDependOnWhatWasFrozen() {
        Scenario complete = scenario().assets(AssetBuilder.series("late", 20, 22)).assets(AssetBuilder.filler("Promo 45", 45).build(),
                AssetBuilder.filler("Promo 75", 75).build(), AssetBuilder.filler("Promo 130", 130).build())
                .plan(plan("Evening").with(at("12:00", 240).series("late", EpisodePolicy.SEQUENTIAL)));
        Scenario beforeContent = scenario().plan(plan("Evening").with(at("12:00", 240).series("late", EpisodePolicy.SEQUENTIAL)));
        ResolvedDay inOneGo = complete.resolve(DAY);
        ResolvedDay fillerOnly = beforeContent.resolve(DAY);
        java.time.Instant lockEnd = java.time.Instant.parse(DAY + "T09:00:00Z");
        List<ResolvedEvent> frozen = fillerOnly.events().stream().filter(e -> e.start().isBefore(lockEnd)).toList();
        ResolvedDay again = complete.frozenPrefix(frozen).resolve(DAY);

        java.time.Instant resume = new ChannelGrid(complete.channel()).nextBoundaryAtOrAfter(frozen.get(frozen.size() - 1).end());
        assertThat(again.events().subList(0, frozen.size())).isEqualTo(frozen);
        assertThat(again.events().stream().filter(e -> !e.start().isBefore(resume)).toList())
                .isEqualTo(inOneGo.events().stream().filter(e -> !e.start().isBefore(resume)).toList())
                .anyMatch(e -> e.kind() == EventKind.FILLER).anyMatch(e -> e.kind() == EventKind.PROGRAM);
        assertCoversDayExactly(again);
    }

    /** Re-resolving the same inputs later (a longer frozen prefix, cut anywhere inside a block) gives the same day. */
    @Test
    void resolvingTheSameInputsAgainLaterChangesNothing() {
        Scenario scenario = scenario().assets(AssetBuilder.series("late", 20, 22)).assets(AssetBuilder.filler("Promo 45", 45).build(),
                AssetBuilder.filler("Promo 75", 75).build(), AssetBuilder.filler("Promo 130", 130).build())
                .plan(plan("Evening").with(at("12:00", 240).series("late", EpisodePolicy.SEQUENTIAL)));
        ResolvedDay first = scenario.resolve(DAY);
        for (String lockEnd : List.of("03:07:10", "09:00:00", "13:11:30", "14:52:05")) {
            java.time.Instant end = java.time.Instant.parse(DAY + "T" + lockEnd + "Z");
            List<ResolvedEvent> frozen = first.events().stream().filter(e -> e.start().isBefore(end)).toList();
            assertThat(scenario.frozenPrefix(frozen).resolve(DAY).events()).as("frozen up to %s", lockEnd).isEqualTo(first.events());
        }
    }

    @Test
    void frozenPrefixThatDoesNotStartAtTheDayStartIsRejected() {
        Scenario scenario = morning("first");
        ResolvedDay original = scenario.resolve(DAY);
        List<ResolvedEvent> notContiguous = original.events().subList(1, 4);

        assertThatThrownBy(() -> scenario.frozenPrefix(notContiguous).resolve(DAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contiguous");
    }
}
