package io.continuity.inputs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One {@code catalog_asset} row as the catalog projection reads and writes it in sets ({@link CatalogAssetTable}); the
 * columns in table order. {@code tags} is never null; {@code media} is the wire JSON of the last upsert's media object.
 */
public record CatalogAssetRow(UUID uuid, String title, String kind, long durationMs, String seriesId, String seriesTitle, Integer season,
        Integer episode, Integer syndicationOrder, String episodeTitle, String description, String genre, String rating, List<String> tags,
        Instant addedAt, String state, boolean approvedForBroadcast, boolean deleted, boolean retired, String media, long version,
        Instant createdAt, Instant updatedAt) {

    public CatalogAssetRow {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** This asset retired at {@code at}: the next version, nothing else changed. */
    public CatalogAssetRow retiredAt(Instant at) {
        return new CatalogAssetRow(uuid, title, kind, durationMs, seriesId, seriesTitle, season, episode, syndicationOrder, episodeTitle,
                description, genre, rating, tags, addedAt, state, approvedForBroadcast, deleted, true, media, version + 1, createdAt, at);
    }
}
