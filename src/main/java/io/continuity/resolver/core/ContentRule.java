package io.continuity.resolver.core;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A content-selection rule (DESIGN §3 "Rules"): the {@code content_reference} of rule/random assignments, a
 * channel's filler rule and a rule-based virtual asset. Set-valued criteria are "any of" and an empty set means
 * "any"; {@code tags} must all be present. Kind, genre, rating, tags and compatibility compare case-insensitively
 * (they are stored lower-cased); series ids compare exactly.
 *
 * @param minDurationMinutes  inclusive lower bound, 0 when absent
 * @param maxDurationMinutes  inclusive upper bound, null when absent
 * @param freshness           maximum age in days of {@code added_at} at the reference instant; null = any age
 * @param compatibility       a tag the asset must carry, or null
 */
public record ContentRule(Set<String> kind, Set<String> genre, Set<String> rating, Set<String> seriesId,
                          Set<String> tags, int minDurationMinutes, Integer maxDurationMinutes,
                          Integer freshness, String compatibility) {

    /** Days meant by {@code "freshness": "recent"}. */
    public static final int RECENT_DAYS = 90;

    private static final Set<String> KEYS = Set.of("kind", "genre", "rating", "series_id", "tags", "min_duration",
            "max_duration", "freshness", "compatibility");

    private static final ContentRule ANY = new ContentRule(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), 0,
            null, null, null);

    public ContentRule {
        kind = kinds(kind);
        genre = lower(genre);
        rating = lower(rating);
        seriesId = present(seriesId);
        tags = lower(tags);
        compatibility = compatibility == null || compatibility.isBlank() ? null
                : compatibility.trim().toLowerCase(Locale.ROOT);
        if (minDurationMinutes < 0) {
            throw new RuleException("min_duration", "must not be negative");
        }
        if (maxDurationMinutes != null && maxDurationMinutes < minDurationMinutes) {
            throw new RuleException("min_duration", "min_duration " + minDurationMinutes
                    + " is greater than max_duration " + maxDurationMinutes);
        }
    }

    /** The rule that matches everything (subject to the caller's default kinds). */
    public static ContentRule any() {
        return ANY;
    }

    /**
     * Parses and strictly validates a decoded JSON rule.
     *
     * @throws RuleException naming the offending key: unknown key, wrong type, min above max, bad freshness
     */
    public static ContentRule fromMap(Map<String, Object> map) {
        Objects.requireNonNull(map, "rule map");
        for (String key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new RuleException(key, "unknown rule key (allowed: " + String.join(", ", KEYS.stream()
                        .sorted().toList()) + ")");
            }
        }
        Integer min = MapValues.integer(map, "min_duration", 0);
        return new ContentRule(MapValues.stringSet(map, "kind", true), MapValues.stringSet(map, "genre", true),
                MapValues.stringSet(map, "rating", true), MapValues.stringSet(map, "series_id", false),
                MapValues.stringSet(map, "tags", true), min == null ? 0 : min,
                MapValues.integer(map, "max_duration", 1), freshness(map), MapValues.string(map, "compatibility"));
    }

    /**
     * Whether {@code asset} satisfies every criterion. Never throws for an asset that lacks optional attributes
     * (series, season, episode, genre, rating, tags, added_at): a criterion on an attribute the asset does not
     * have simply does not match, and a rule without that criterion ignores it.
     *
     * @param reference    the instant freshness is measured from (the broadcast day start); with none, no asset is
     *                     fresh
     * @param roleKinds    the kinds the caller's role may play: all of them when the rule names none, else those
     *                     the rule names among them; none when null
     */
    public boolean matches(CatalogAsset asset, Instant reference, Set<AssetKind> roleKinds) {
        if (asset == null) {
            return false;
        }
        return kindMatches(asset.kind(), roleKinds)
                && anyOf(genre, asset.genre())
                && anyOf(rating, asset.rating())
                && (seriesId.isEmpty() || asset.seriesId() != null && seriesId.contains(asset.seriesId()))
                && asset.tags().containsAll(tags)
                && (compatibility == null || asset.tags().contains(compatibility))
                && durationMatches(asset.durationMs())
                && freshEnough(asset.addedAt(), reference);
    }

    /** Whether the asset's {@code added_at} lies within {@code days} before {@code reference}; false when either is unknown. */
    static boolean addedWithin(Instant addedAt, Instant reference, int days) {
        return addedAt != null && reference != null && !addedAt.isBefore(reference.minus(Duration.ofDays(days)));
    }

    /**
     * The caller's kinds are the kinds its role may play (programmes for rule and random picks, interstitials for
     * filler): a rule narrows them, it never widens them, so a rule naming {@code bumper} finds no programme and a
     * filler rule naming {@code episode} finds no filler.
     */
    private boolean kindMatches(AssetKind assetKind, Set<AssetKind> roleKinds) {
        return assetKind != null && roleKinds != null && roleKinds.contains(assetKind)
                && (kind.isEmpty() || kind.contains(assetKind.wireName()));
    }

    private boolean durationMatches(long durationMs) {
        boolean longEnough = durationMs >= minDurationMinutes * 60_000L;
        return longEnough && (maxDurationMinutes == null || durationMs <= maxDurationMinutes * 60_000L);
    }

    private boolean freshEnough(Instant addedAt, Instant reference) {
        return freshness == null || addedWithin(addedAt, reference, freshness);
    }

    private static boolean anyOf(Set<String> accepted, String value) {
        return accepted.isEmpty() || (value != null && accepted.contains(value.toLowerCase(Locale.ROOT)));
    }

    private static Integer freshness(Map<String, Object> map) {
        Object value = map.get("freshness");
        if (value == null) {
            return null;
        }
        if ("recent".equals(value)) {
            return RECENT_DAYS;
        }
        if (value instanceof Map<?, ?> nested && nested.size() == 1 && nested.containsKey("max_age_days")) {
            long days = MapValues.wholeNumber("freshness", nested.get("max_age_days"));
            if (days < 0 || days > Integer.MAX_VALUE) {
                throw new RuleException("freshness", "max_age_days must be a non-negative integer");
            }
            return (int) days;
        }
        throw MapValues.wrongType("freshness", "\"recent\" or {\"max_age_days\": N}", value);
    }

    private static Set<String> kinds(Set<String> values) {
        Set<String> result = new HashSet<>();
        for (String value : present(values)) {
            result.add(AssetKind.parse("kind", value).wireName());
        }
        return Set.copyOf(result);
    }

    private static Set<String> lower(Set<String> values) {
        Set<String> result = new HashSet<>();
        for (String value : present(values)) {
            result.add(value.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(result);
    }

    /** The non-blank values; an absent set (or one holding only nulls or blanks) means "any". */
    private static Set<String> present(Set<String> values) {
        if (values == null) {
            return Set.of();
        }
        Set<String> result = new HashSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                result.add(value);
            }
        }
        return Set.copyOf(result);
    }
}
