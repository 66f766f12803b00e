package io.continuity.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.continuity.resolver.core.AssetKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code continuity.asset.upserted.v1}: a catalog asset was created or changed (full state). {@code media}, optional, says
 * where the asset's file is and what is in it ({@link AssetMedia}).
 */
public record AssetUpserted(
        @NotNull UUID assetUuid,
        @NotBlank @Size(max = 500) String title,
        @NotNull AssetKind kind,
        @NotNull @Positive @Max(7L * 24 * 3600 * 1000) Long durationMs,
        @Size(max = 200) String seriesId,
        @Size(max = 500) String seriesTitle,
        @Min(0) Integer season,
        @Min(0) Integer episode,
        @Min(0) Integer syndicationOrder,
        @Size(max = 500) String episodeTitle,
        @Size(max = 10_000) String description,
        @Size(max = 100) String genre,
        @Size(max = 50) String rating,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> tags,
        Instant addedAt,
        @NotNull @Pattern(regexp = "ready|pending|failed", message = "must be one of ready, pending, failed") String state,
        @NotNull Boolean approvedForBroadcast,
        Boolean isDeleted,
        Long expectedVersion,
        @Valid AssetMedia media) implements CatalogEvent {

    /** An asset without {@code media} (the contract before the field was added). */
    public AssetUpserted(UUID assetUuid, String title, AssetKind kind, Long durationMs, String seriesId, String seriesTitle, Integer season,
            Integer episode, Integer syndicationOrder, String episodeTitle, String description, String genre, String rating, List<String> tags,
            Instant addedAt, String state, Boolean approvedForBroadcast, Boolean isDeleted, Long expectedVersion) {
        this(assetUuid, title, kind, durationMs, seriesId, seriesTitle, season, episode, syndicationOrder, episodeTitle, description, genre,
                rating, tags, addedAt, state, approvedForBroadcast, isDeleted, expectedVersion, null);
    }

    @Override
    public UUID aggregateId() {
        return assetUuid;
    }
}
