package io.continuity.resolver.core;

import static io.continuity.resolver.core.AssetBuilder.episode;
import static io.continuity.resolver.core.AssetBuilder.movie;
import static io.continuity.resolver.core.AssignmentBuilder.at;
import static io.continuity.resolver.core.ChannelBuilder.channel;
import static io.continuity.resolver.core.DayChecks.assertCoversDayExactly;
import static io.continuity.resolver.core.DayChecks.decisions;
import static io.continuity.resolver.core.DayChecks.programAssets;
import static io.continuity.resolver.core.DayChecks.programTitles;
import static io.continuity.resolver.core.DayChecks.programs;
import static io.continuity.resolver.core.PlanBuilder.plan;
import static io.continuity.resolver.core.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Content selection: episode policies, playback rules, scarcity and fallbacks. */
class SelectionTest {

    private static final Instant DAY = Instant.parse("2026-02-02T00:00:00Z");

    @Test
    void aRuleNamingAnInterstitialKindPicksNoInterstitialAsAProgramme() {
        CatalogAsset feature = movie("Feature", 90).build();
        CatalogAsset ident = AssetBuilder.bumper("Ident", 20).build();

        ResolvedDay day = scenario().assets(feature, ident)
                .plan(plan("Daily").with(at("10:00", 120).rule(Map.of("kind", List.of("bumper", "movie")))))
                .resolve("2026-02-02");

        assertThat(programAssets(day)).containsOnly(feature.uuid());
        assertCoversDayExactly(day);
    }

    @Test
    void aFillerRuleNamingAProgrammeKindPadsWithNoProgramme() {
        CatalogAsset feature = movie("Short feature", 20).build();
        CatalogAsset ident = AssetBuilder.bumper("Ident", 60).build();

        ResolvedDay day = scenario().withoutFillers().assets(feature, ident)
                .channel(channel().fillerRule(ContentRule.fromMap(Map.of("kind", List.of("movie", "bumper")))))
                .plan(plan("Daily").with(at("10:00", 120).asset(feature)))
                .resolve("2026-02-02");

        assertThat(day.events()).filteredOn(e -> e.kind() == EventKind.FILLER || e.kind() == EventKind.BUMPER)
                .isNotEmpty().allSatisfy(e -> assertThat(e.assetUuid()).isEqualTo(ident.uuid()));
        assertThat(programAssets(day)).containsExactly(feature.uuid());
        assertCoversDayExactly(day);
    }

    @Test
    void seriesWithFewerEpisodesThanSlotsStartsOverAndSaysSo() {
        ResolvedDay day = scenario().assets(AssetBuilder.series("short-run", 3, 22))
                .plan(plan("Daily").with(at("10:00", 180).series("short-run", EpisodePolicy.SEQUENTIAL)))
                .resolve("2026-02-02");

        assertThat(programTitles(day)).extracting(title -> title.substring(title.length() - 2))
                .containsExactly("E1", "E2", "E3", "E1", "E2", "E3");
        assertThat(decisions(day, Decision.Kind.WRAPPED)).singleElement()
                .satisfies(d -> assertThat(d.isWarning()).isFalse());
    }

    @Test
    void sequentialPositionCarriesOverDayToDay() {
        Scenario scenario = scenario().assets(AssetBuilder.series("saga", 10, 22))
                .plan(plan("Daily").with(at("10:00", 120).series("saga", EpisodePolicy.SEQUENTIAL)));

        List<ResolvedDay> days = scenario.resolveDays("2026-02-02", 2);

        assertThat(programTitles(days.get(0))).extracting(t -> t.substring(t.length() - 2))
                .containsExactly("E1", "E2", "E3", "E4");
        assertThat(programTitles(days.get(1))).extracting(t -> t.substring(t.length() - 2))
                .containsExactly("E5", "E6", "E7", "E8");
    }

    @Test
    void sequentialPositionComesFromTheCallersHistory() {
        List<CatalogAsset> saga = AssetBuilder.series("saga", 10, 22);
        InMemoryPlayHistory history = InMemoryPlayHistory.empty()
                .record(saga.get(2).uuid(), DAY.minus(Duration.ofDays(3)))
                .record(saga.get(6).uuid(), DAY.minus(Duration.ofDays(1)));

        ResolvedDay day = scenario().assets(saga).history(history)
                .plan(plan("Daily").with(at("10:00", 30).series("saga", EpisodePolicy.SEQUENTIAL)))
                .resolve("2026-02-02");

        assertThat(programAssets(day)).containsExactly(saga.get(7).uuid());
    }

    @Test
    void leastRecentlyUsedPicksWhatAiredLongestAgoAndNeverAiredFirst() {
        List<CatalogAsset> show = AssetBuilder.series("show", 3, 22);
        InMemoryPlayHistory history = InMemoryPlayHistory.empty()
                .record(show.get(0).uuid(), DAY.minus(Duration.ofDays(1)))
                .record(show.get(1).uuid(), DAY.minus(Duration.ofDays(3)));

        ResolvedDay day = scenario().assets(show).history(history)
                .plan(plan("Daily").with(at("10:00", 90).series("show", EpisodePolicy.LEAST_RECENTLY_USED)))
                .resolve("2026-02-02");

        assertThat(programAssets(day)).containsExactly(show.get(2).uuid(), show.get(1).uuid(), show.get(0).uuid());
    }

    @Test
    void randomPolicyIsSeededAndAvoidsRepeatsWithinTheDay() {
        Scenario scenario = scenario().assets(AssetBuilder.series("anthology", 10, 22))
                .plan(plan("Daily").with(at("10:00", 120).series("anthology", EpisodePolicy.RANDOM)));

        ResolvedDay first = scenario.resolve("2026-02-02");
        ResolvedDay again = scenario.resolve("2026-02-02");
        ResolvedDay otherGeneration = scenario.seedGeneration(1).resolve("2026-02-02");

        assertThat(programAssets(first)).hasSize(4).doesNotHaveDuplicates();
        assertThat(programAssets(again)).isEqualTo(programAssets(first));
        assertThat(programAssets(otherGeneration)).hasSize(4).isNotEqualTo(programAssets(first));
    }

    @Test
    void scarcityRelaxChainExcludesTheMostRecentThenRepeatsWithAWarning() {
        CatalogAsset ash = movie("Ash", 100).genre("thriller").build();
        CatalogAsset beech = movie("Beech", 100).genre("thriller").build();
        CatalogAsset cherry = movie("Cherry", 100).genre("thriller").build();
        InMemoryPlayHistory history = InMemoryPlayHistory.empty()
                .record(ash.uuid(), DAY.minus(Duration.ofDays(3)))
                .record(beech.uuid(), DAY.minus(Duration.ofDays(2)))
                .record(cherry.uuid(), DAY.minus(Duration.ofDays(1)));
        Map<String, Object> noRepeats = Map.of("avoid_repeats", true);

        ResolvedDay day = scenario().assets(ash, beech, cherry).history(history)
                .plan(plan("Daily").with(at("12:00", 120).rule(Map.of("genre", "thriller")).playback(noRepeats),
                        at("14:00", 120).rule(Map.of("genre", "thriller")).playback(noRepeats),
                        at("16:00", 120).rule(Map.of("genre", "thriller")).playback(noRepeats)))
                .resolve("2026-02-02");

        assertThat(programTitles(day)).containsExactly("Ash", "Beech", "Cherry");
        assertThat(decisions(day, Decision.Kind.REPEAT_RELAXED)).hasSize(3);
        assertThat(day.warnings()).noneMatch(d -> d.kind() == Decision.Kind.SCARCITY);
    }

    @Test
    void singleCandidateRepeatsWithAScarcityWarningInsteadOfFailingTheDay() {
        CatalogAsset only = movie("Only One", 100).genre("western").build();

        ResolvedDay day = scenario().assets(only)
                .plan(plan("Daily").with(
                        at("20:00", 120).rule(Map.of("genre", "western")).playback(Map.of("avoid_repeats", true)),
                        at("22:00", 120).rule(Map.of("genre", "western")).playback(Map.of("avoid_repeats", true))))
                .resolve("2026-02-02");

        assertThat(programTitles(day)).containsExactly("Only One", "Only One");
        assertThat(day.warnings()).filteredOn(d -> d.kind() == Decision.Kind.SCARCITY).hasSize(1);
        assertThat(day.events()).noneMatch(e -> e.kind() == EventKind.GAP);
    }

    @Test
    void preferNewPicksRecentlyAddedContentFirst() {
        CatalogAsset classic = movie("Classic", 90).genre("family").build();
        CatalogAsset fresh = movie("Fresh", 90).genre("family").addedAt(DAY.minus(Duration.ofDays(10))).build();

        ResolvedDay day = scenario().assets(classic, fresh)
                .plan(plan("Daily").with(at("15:00", 90).random(Map.of("genre", "family"))
                        .playback(Map.of("prefer_new", true, "random", true))))
                .resolve("2026-02-02");

        assertThat(programTitles(day)).containsExactly("Fresh");
    }

    @Test
    void freshnessRuleExcludesOldContent() {
        CatalogAsset classic = movie("Classic", 90).tags("family-friendly").build();
        CatalogAsset fresh = movie("Fresh", 80).tags("family-friendly").addedAt(DAY.minus(Duration.ofDays(30)))
                .build();

        ResolvedDay day = scenario().assets(classic, fresh)
                .plan(plan("Daily").with(at("15:00", 90)
                        .random(Map.of("compatibility", "family-friendly", "freshness", "recent"))))
                .resolve("2026-02-02");

        assertThat(programTitles(day)).containsExactly("Fresh");
    }

    @Test
    void offsetStartsPlaybackInsideTheAsset() {
        CatalogAsset feature = movie("Joined Late", 40).build();

        ResolvedDay day = scenario().assets(feature)
                .plan(plan("Daily").with(at("09:00", 30).asset(feature).playback(Map.of("offset", "00:10:00"))))
                .resolve("2026-02-02");

        assertThat(programs(day)).singleElement().satisfies(e -> {
            assertThat(e.offsetMs()).isEqualTo(600_000L);
            assertThat(e.duration()).isEqualTo(Duration.ofMinutes(30));
        });
    }

    @Test
    void ineligibleAssetFallsBackToChannelFillerBeforeDefaultProgrammingWithAWarning() {
        CatalogAsset pulled = movie("Pulled", 60).unapproved().build();
        CatalogAsset loop = movie("Station Loop", 10).build();

        ResolvedDay day = scenario().channel(channel().defaultProgramming(ContentRef.asset(loop.uuid())))
                .assets(pulled, loop).plan(plan("Daily").with(at("09:00", 60).asset(pulled))).resolve("2026-02-02");

        assertThat(day.events()).noneMatch(e -> pulled.uuid().equals(e.assetUuid()));
        assertThat(programs(day)).isEmpty();
        // the assignment's hour: no alternative in the assignment, so channel filler (DESIGN: alternative, filler, skip, default)
        List<ResolvedEvent> window = day.events().stream().filter(e -> e.assignmentId() != null).toList();
        assertThat(window).isNotEmpty().allMatch(e -> e.kind() == EventKind.FILLER || e.kind() == EventKind.GAP);
        assertThat(java.time.Duration.between(window.get(0).start(), window.get(window.size() - 1).end())).isEqualTo(java.time.Duration.ofHours(1));
        // the 23 unassigned hours: default programming, one 10-minute loop per half hour
        assertThat(day.events()).filteredOn(e -> e.kind() == EventKind.FALLBACK).hasSize(46)
                .allMatch(e -> e.assetUuid().equals(loop.uuid()));
        assertThat(day.warnings()).anyMatch(d -> d.kind() == Decision.Kind.FALLBACK
                && d.message().contains("not eligible") && d.message().contains("channel filler"));
        assertCoversDayExactly(day);
    }

    @Test
    void unassignedTimeGetsFillerAndAWarningWhenThereIsNoDefaultProgramming() {
        ResolvedDay day = scenario().resolve("2026-02-02");

        assertThat(day.events()).extracting(ResolvedEvent::kind).containsOnly(EventKind.FILLER);
        assertThat(day.warnings()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(Decision.Kind.UNASSIGNED));
        assertCoversDayExactly(day);
    }

    @Test
    void programFallbackChainListsSameAssignmentAlternativesThenChannelFiller() {
        List<CatalogAsset> show = AssetBuilder.series("show", 5, 22);

        ResolvedDay day = scenario().assets(show)
                .plan(plan("Daily").with(at("10:00", 30).series("show", EpisodePolicy.SEQUENTIAL)))
                .resolve("2026-02-02");

        assertThat(programs(day).get(0).fallback()).hasSize(5).startsWith(show.get(1).uuid(), show.get(2).uuid(),
                show.get(3).uuid());
    }

    @Test
    void episodeLongerThanTheAssignmentIsSkippedAndTheOrderContinues() {
        CatalogAsset special = episode("doc", 1, 2, 75).build();
        ResolvedDay day = scenario().assets(episode("doc", 1, 1, 25).build(), special, episode("doc", 1, 3, 25).build())
                .plan(plan("Daily").with(at("10:00", 60).series("doc", EpisodePolicy.SEQUENTIAL)))
                .resolve("2026-02-02");

        assertThat(programTitles(day)).extracting(t -> t.substring(t.length() - 2)).containsExactly("E1", "E3");
        assertThat(decisions(day, Decision.Kind.SKIPPED)).singleElement()
                .satisfies(d -> assertThat(d.assetUuid()).isEqualTo(special.uuid()));
    }

    @Test
    void episodeThatOnlyLacksTheRemainingTimeWaitsForTheNextWindow() {
        Scenario scenario = scenario()
                .assets(episode("doc", 1, 1, 25).build(), episode("doc", 1, 2, 45).build(),
                        episode("doc", 1, 3, 25).build())
                .plan(plan("Daily").with(at("10:00", 60).series("doc", EpisodePolicy.SEQUENTIAL)));

        List<ResolvedDay> days = scenario.resolveDays("2026-02-02", 2);

        assertThat(programTitles(days.get(0))).extracting(t -> t.substring(t.length() - 2)).containsExactly("E1");
        assertThat(programTitles(days.get(1))).extracting(t -> t.substring(t.length() - 2)).containsExactly("E2");
    }
}
