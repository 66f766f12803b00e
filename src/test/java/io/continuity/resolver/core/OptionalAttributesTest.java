package io.continuity.resolver.core;

import static io.continuity.resolver.core.AssignmentBuilder.at;
import static io.continuity.resolver.core.ChannelBuilder.channel;
import static io.continuity.resolver.core.DayChecks.assertCoversDayExactly;
import static io.continuity.resolver.core.DayChecks.programAssets;
import static io.continuity.resolver.core.PlanBuilder.plan;
import static io.continuity.resolver.core.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Series, season, episode, genre, rating, tags and {@code added_at} are optional in the v1 contract: a rule on an
 * attribute an asset lacks does not match it, a rule without that criterion ignores it, and resolution never fails
 * over such assets, for assignment rules, filler rules and rule-based virtual packages alike.
 */
class OptionalAttributesTest {

    private static final Instant DAY_START = Instant.parse("2026-02-02T00:00:00Z");

    /** An episode with no series, season, episode number, genre, rating, tags or added_at: a one-off special. */
    private static final CatalogAsset SPECIAL = new CatalogAsset(UUID.nameUUIDFromBytes("special".getBytes()),
            "A Charlie Brown Christmas", AssetKind.EPISODE, 25 * 60_000L, null, null, null, null, null, null, null,
            null, null, null, "ready", true, false);

    private static final CatalogAsset BARE_MOVIE = new CatalogAsset(UUID.nameUUIDFromBytes("bare movie".getBytes()),
            "Untitled feature", AssetKind.MOVIE, 95 * 60_000L, null, null, null, null, null, null, null, null, null,
            null, "ready", true, false);

    static Stream<Arguments> everyRuleKey() {
        return Stream.of(
                Arguments.of(Map.of("kind", "episode"), true),
                Arguments.of(Map.of("genre", "comedy"), false),
                Arguments.of(Map.of("rating", List.of("TV-G", "TV-PG")), false),
                Arguments.of(Map.of("series_id", List.of("toons", "laughs")), false),
                Arguments.of(Map.of("tags", List.of("christmas")), false),
                Arguments.of(Map.of("tags", List.of()), true),
                Arguments.of(Map.of("min_duration", 20), true),
                Arguments.of(Map.of("max_duration", 30), true),
                Arguments.of(Map.of("freshness", "recent"), false),
                Arguments.of(Map.of("freshness", Map.of("max_age_days", 3650)), false),
                Arguments.of(Map.of("compatibility", "family-friendly"), false));
    }

    @ParameterizedTest
    @MethodSource("everyRuleKey")
    void everyRuleKeyIsDecidedWithoutErrorForAnAssetLackingEveryOptionalAttribute(Map<String, Object> rule,
                                                                                  boolean matches) {
        assertThat(ContentRule.fromMap(rule).matches(SPECIAL, DAY_START, AssetKind.PROGRAMME_KINDS)).isEqualTo(matches);
    }

    @Test
    void aRuleNamingSeriesButNoKindMatchesOnlyThoseSeries() {
        ContentRule rule = ContentRule.fromMap(Map.of("series_id", List.of("toons", "laughs")));
        CatalogAsset toon = AssetBuilder.episode("toons", 1, 1, 7).build();

        assertThat(rule.matches(BARE_MOVIE, DAY_START, AssetKind.PROGRAMME_KINDS)).isFalse();
        assertThat(rule.matches(SPECIAL, DAY_START, AssetKind.PROGRAMME_KINDS)).isFalse();
        assertThat(rule.matches(toon, DAY_START, AssetKind.PROGRAMME_KINDS)).isTrue();
    }

    @Test
    void aRuleWithoutSeriesCriteriaMatchesAOneOffSpecial() {
        ContentRule rule = ContentRule.fromMap(Map.of("kind", "episode", "max_duration", 30));

        assertThat(rule.matches(SPECIAL, DAY_START, AssetKind.PROGRAMME_KINDS)).isTrue();
        assertThat(InMemoryCatalog.of(List.of(SPECIAL, BARE_MOVIE)).matching(rule, DAY_START, AssetKind.PROGRAMME_KINDS))
                .containsExactly(SPECIAL);
    }

    @Test
    void rulesBuiltWithAbsentOrNullCriteriaMatchAnything() {
        ContentRule rule = new ContentRule(null, null, null, null, null, 0, null, null, null);
        ContentRule withNullEntries = new ContentRule(nullEntry(), nullEntry(), nullEntry(), nullEntry(), nullEntry(), 0,
                null, null, " ");

        assertThat(rule.matches(SPECIAL, DAY_START, AssetKind.PROGRAMME_KINDS)).isTrue();
        assertThat(withNullEntries).isEqualTo(ContentRule.any());
        assertThat(rule.matches(SPECIAL, null, null)).isFalse();
    }

    @Test
    void aOneOffSpecialIsScheduledByAsset() {
        ResolvedDay day = scenario().assets(SPECIAL)
                .plan(plan("Holiday").with(at("20:00", 30).asset(SPECIAL)))
                .resolve("2026-02-02");

        assertThat(programAssets(day)).containsExactly(SPECIAL.uuid());
        assertCoversDayExactly(day);
    }

    @Test
    void aOneOffSpecialIsScheduledByARuleWithoutSeriesCriteria() {
        ResolvedDay day = scenario().assets(SPECIAL, BARE_MOVIE)
                .plan(plan("Holiday").with(at("20:00", 30).rule(Map.of("kind", "episode"))))
                .resolve("2026-02-02");

        assertThat(programAssets(day)).containsExactly(SPECIAL.uuid());
        assertCoversDayExactly(day);
    }

    @Test
    void aSeriesRuleWithoutKindResolvesOverACatalogWithoutSeries() {
        ResolvedDay day = scenario().assets(SPECIAL, BARE_MOVIE)
                .channel(channel().fillerRule(ContentRule.fromMap(Map.of("series_id", "toons"))))
                .plan(plan("Cartoons").with(at("08:00", 120).rule(Map.of("series_id", List.of("toons", "laughs"))),
                        at("10:00", 60).random(Map.of("series_id", "toons"))))
                .resolve("2026-02-02");

        assertThat(programAssets(day)).isEmpty();
        assertCoversDayExactly(day);
    }

    @Test
    void aRuleBasedVirtualPackageOnMissingAttributesResolves() {
        VirtualAssetSpec cartoons = new VirtualAssetSpec(UUID.nameUUIDFromBytes("cartoons".getBytes()), "Cartoons",
                null, ContentRule.fromMap(Map.of("series_id", "toons", "genre", "animation", "tags", List.of("kids"))));
        VirtualAssetSpec specials = new VirtualAssetSpec(UUID.nameUUIDFromBytes("specials".getBytes()), "Specials",
                null, ContentRule.fromMap(Map.of("kind", "episode")));

        ResolvedDay day = scenario().assets(SPECIAL, BARE_MOVIE).virtualAsset(cartoons).virtualAsset(specials)
                .plan(plan("Packages").with(at("08:00", 60).virtualPackage(cartoons), at("09:00", 30).virtualPackage(specials)))
                .resolve("2026-02-02");

        assertThat(programAssets(day)).containsExactly(SPECIAL.uuid());
        assertCoversDayExactly(day);
    }

    private static Set<String> nullEntry() {
        Set<String> values = new HashSet<>();
        values.add(null);
        values.add("");
        return values;
    }
}
