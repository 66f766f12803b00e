package io.continuity.resolver.core;

import java.util.Comparator;

/** The orders in which episodes (and other ordered content) play. */
final class EpisodeOrder {

    /** Season, then episode (missing numbers last), then title and uuid for a total order. */
    static final Comparator<CatalogAsset> SEASON_EPISODE = Comparator
            .comparing(CatalogAsset::season, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CatalogAsset::episode, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CatalogAsset::title)
            .thenComparing(CatalogAsset::uuid);

    /** Syndication order first; episodes without one follow in season/episode order. */
    static final Comparator<CatalogAsset> SYNDICATION = Comparator
            .comparing(CatalogAsset::syndicationOrder, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(SEASON_EPISODE);

    private EpisodeOrder() {
    }

    static String label(CatalogAsset asset) {
        if (asset.season() != null && asset.episode() != null) {
            return "S" + DayContext.twoDigits(asset.season()) + "E" + DayContext.twoDigits(asset.episode()) + " '"
                    + asset.displayTitle() + "'";
        }
        return "'" + asset.displayTitle() + "'";
    }
}
