package io.continuity.resolver.core;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A catalog asset as the resolver sees it (DESIGN §2 "Catalog"). Tags are stored lower-cased and never null; series,
 * season, episode, genre, rating and {@code added_at} are optional and may be null (a one-off special is an episode
 * without a series). Only {@link #eligible()} assets may be scheduled; the resolver checks that wherever it touches
 * an asset.
 *
 * @param state {@code ready}, {@code pending} or {@code failed}
 */
public record CatalogAsset(UUID uuid, String title, AssetKind kind, long durationMs, String seriesId,
                           String seriesTitle, Integer season, Integer episode, Integer syndicationOrder,
                           String episodeTitle, String genre, String rating, Set<String> tags, Instant addedAt,
                           String state, boolean approvedForBroadcast, boolean deleted) {

    public CatalogAsset {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(kind, "kind");
        if (durationMs < 0) {
            throw new IllegalArgumentException("duration_ms must not be negative: " + durationMs);
        }
        title = title == null ? "" : title;
        Set<String> lowered = new HashSet<>();
        for (String tag : tags == null ? Set.<String>of() : tags) {
            if (tag != null && !tag.isBlank()) {
                lowered.add(tag.toLowerCase(Locale.ROOT));
            }
        }
        tags = Set.copyOf(lowered);
    }

    /** Ready, approved for broadcast and not deleted. */
    public boolean eligible() {
        return "ready".equals(state) && approvedForBroadcast && !deleted;
    }

    /** Title shown on playlog events: series episodes read "Series – Episode title". */
    public String displayTitle() {
        if (seriesTitle != null && episodeTitle != null) {
            return seriesTitle + " – " + episodeTitle;
        }
        return title;
    }
}
