package io.continuity.epg;

import java.util.UUID;

/** The catalog metadata a guide shows for an asset (a read-only slice of CatalogAsset). */
public record EpgAsset(UUID uuid, String title, String seriesTitle, String episodeTitle, Integer season, Integer episode,
                       String description, String genre, String rating) {
}
