package io.continuity.resolver.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Strict parsing and matching of content rules. */
class ContentRuleTest {

    private static final Instant NOW = Instant.parse("2026-02-02T00:00:00Z");

    @Test
    void parsesEveryDocumentedKey() {
        ContentRule rule = ContentRule.fromMap(Map.of("kind", "movie", "genre", List.of("Drama", "crime"),
                "rating", "PG", "series_id", "s-1", "tags", List.of("Christmas"), "min_duration", 90,
                "max_duration", 150L, "freshness", Map.of("max_age_days", 30), "compatibility", "family-friendly"));

        assertThat(rule.kind()).containsExactly("movie");
        assertThat(rule.genre()).containsExactlyInAnyOrder("drama", "crime");
        assertThat(rule.rating()).containsExactly("pg");
        assertThat(rule.seriesId()).containsExactly("s-1");
        assertThat(rule.tags()).containsExactly("christmas");
        assertThat(rule.minDurationMinutes()).isEqualTo(90);
        assertThat(rule.maxDurationMinutes()).isEqualTo(150);
        assertThat(rule.freshness()).isEqualTo(30);
        assertThat(rule.compatibility()).isEqualTo("family-friendly");
    }

    @Test
    void recentFreshnessMeansNinetyDays() {
        assertThat(ContentRule.fromMap(Map.of("freshness", "recent")).freshness()).isEqualTo(90);
    }

    @Test
    void unknownKeyIsRejectedByName() {
        assertThatThrownBy(() -> ContentRule.fromMap(Map.of("genre", "drama", "colour", "red")))
                .isInstanceOf(RuleException.class).hasMessageStartingWith("colour:")
                .satisfies(e -> assertThat(((RuleException) e).key()).isEqualTo("colour"));
    }

    @Test
    void wrongTypesAreRejectedByName() {
        assertRejected(Map.of("max_duration", "long"), "max_duration");
        assertRejected(Map.of("min_duration", 1.5), "min_duration");
        assertRejected(Map.of("genre", 7), "genre");
        assertRejected(Map.of("tags", List.of("ok", 3)), "tags");
        assertRejected(Map.of("freshness", "stale"), "freshness");
        assertRejected(Map.of("freshness", Map.of("days", 3)), "freshness");
        assertRejected(Map.of("compatibility", List.of("a")), "compatibility");
        assertRejected(Map.of("kind", "cartoon"), "kind");
    }

    @Test
    void minimumAboveMaximumIsRejected() {
        assertRejected(Map.of("min_duration", 150, "max_duration", 90), "min_duration");
    }

    @Test
    void wholeNumbersInFloatingFormAreAccepted() {
        assertThat(ContentRule.fromMap(Map.of("max_duration", 120.0)).maxDurationMinutes()).isEqualTo(120);
    }

    @Test
    void matchesChecksEveryCriterion() {
        ContentRule rule = ContentRule.fromMap(Map.of("genre", "drama", "min_duration", 90, "max_duration", 150,
                "tags", "award", "freshness", "recent"));
        CatalogAsset fits = AssetBuilder.movie("Fits", 120).genre("Drama").tags("award", "x")
                .addedAt(NOW.minus(Duration.ofDays(5))).build();
        CatalogAsset stale = AssetBuilder.movie("Stale", 120).genre("drama").tags("award").build();
        CatalogAsset tooShort = AssetBuilder.movie("Short", 60).genre("drama").tags("award")
                .addedAt(NOW.minus(Duration.ofDays(5))).build();

        assertThat(rule.matches(fits, NOW, AssetKind.PROGRAMME_KINDS)).isTrue();
        assertThat(rule.matches(stale, NOW, AssetKind.PROGRAMME_KINDS)).isFalse();
        assertThat(rule.matches(tooShort, NOW, AssetKind.PROGRAMME_KINDS)).isFalse();
    }

    @Test
    void ruleWithoutKindUsesTheCallersDefaultKinds() {
        CatalogAsset bumper = AssetBuilder.bumper("Ident", 10).build();

        assertThat(ContentRule.any().matches(bumper, NOW, AssetKind.PROGRAMME_KINDS)).isFalse();
        assertThat(ContentRule.any().matches(bumper, NOW, AssetKind.INTERSTITIAL_KINDS)).isTrue();
        assertThat(ContentRule.fromMap(Map.of("kind", "interstitial")).kind()).isEqualTo(Set.of("filler"));
    }

    @Test
    void aRuleNarrowsTheCallersKindsButNeverWidensThem() {
        CatalogAsset bumper = AssetBuilder.bumper("Ident", 10).build();
        CatalogAsset movie = AssetBuilder.movie("Feature", 90).build();

        assertThat(ContentRule.fromMap(Map.of("kind", "bumper")).matches(bumper, NOW, AssetKind.PROGRAMME_KINDS)).isFalse();
        assertThat(ContentRule.fromMap(Map.of("kind", List.of("bumper", "movie"))).matches(movie, NOW, AssetKind.PROGRAMME_KINDS)).isTrue();
        assertThat(ContentRule.fromMap(Map.of("kind", "movie")).matches(movie, NOW, AssetKind.INTERSTITIAL_KINDS)).isFalse();
        assertThat(ContentRule.fromMap(Map.of("kind", List.of("bumper", "movie"))).matches(bumper, NOW, AssetKind.INTERSTITIAL_KINDS))
                .isTrue();
    }

    private static void assertRejected(Map<String, Object> map, String key) {
        assertThatThrownBy(() -> ContentRule.fromMap(map)).as(map.toString()).isInstanceOf(RuleException.class)
                .hasMessageStartingWith(key + ":");
    }
}
