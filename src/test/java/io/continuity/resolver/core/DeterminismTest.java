package io.continuity.resolver.core;

import static io.continuity.resolver.core.AssignmentBuilder.at;
import static io.continuity.resolver.core.ChannelBuilder.channel;
import static io.continuity.resolver.core.PlanBuilder.plan;
import static io.continuity.resolver.core.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Replays and re-runs choose the same assets, times and uuids. */
class DeterminismTest {

    private static Scenario busyChannel(List<CatalogAsset> catalogOrder) {
        return scenario().channel(channel().zone("Europe/London")).assets(catalogOrder)
                .plan(plan("Daily").with(
                        at("00:00", 360).random(Map.of("kind", "movie")).playback(Map.of("avoid_repeats", true)),
                        at("06:00", 120).series("toons", EpisodePolicy.RANDOM),
                        at("08:00", 120).series("toons", EpisodePolicy.SEQUENTIAL),
                        at("20:00", 240).rule(Map.of("kind", "movie")).playback(Map.of("random", true))));
    }

    private static List<CatalogAsset> library() {
        List<CatalogAsset> assets = new ArrayList<>(AssetBuilder.series("toons", 30, 11));
        IntStream.range(0, 40).forEach(i -> assets.add(AssetBuilder.movie("Movie " + i, 80 + i).build()));
        IntStream.range(1, 20).forEach(i -> assets.add(AssetBuilder.filler(i * 7).build()));
        return assets;
    }

    @Test
    void sameRequestTwiceGivesEqualDays() {
        Scenario scenario = busyChannel(library());

        assertThat(scenario.resolveDays("2026-03-27", 3)).isEqualTo(scenario.resolveDays("2026-03-27", 3));
    }

    @Test
    void catalogOrderDoesNotChangeTheChoices() {
        List<CatalogAsset> shuffled = new ArrayList<>(library());
        Collections.reverse(shuffled);

        ResolvedDay original = busyChannel(library()).resolve("2026-03-29");
        ResolvedDay reordered = busyChannel(shuffled).resolve("2026-03-29");

        assertThat(reordered).isEqualTo(original);
    }

    @Test
    void eventUuidsAreUniqueWithinADay() {
        ResolvedDay day = busyChannel(library()).resolve("2026-03-29");

        assertThat(day.events()).extracting(ResolvedEvent::uuid).doesNotHaveDuplicates();
    }

    @Test
    void newSeedGenerationChangesRandomChoicesButKeepsTheDaySeedPerGeneration() {
        Scenario scenario = busyChannel(library());

        ResolvedDay zero = scenario.resolve("2026-03-29");
        ResolvedDay one = scenario.seedGeneration(1).resolve("2026-03-29");

        assertThat(one.seed()).isNotEqualTo(zero.seed());
        assertThat(DayChecks.programAssets(one)).isNotEqualTo(DayChecks.programAssets(zero));
    }
}
