package io.continuity.resolver.core;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read-only view of the asset catalog at the moment a day is resolved. Views return assets whatever their
 * eligibility; the resolver filters with {@link CatalogAsset#eligible()} itself, so a stale or retired asset is
 * never scheduled even if a view returns it.
 */
public interface CatalogView {

    Optional<CatalogAsset> asset(UUID uuid);

    /**
     * All assets of a series, looked up by series id and, when no asset has that id, by series title
     * (case-insensitive). Any order; the resolver sorts.
     */
    List<CatalogAsset> series(String seriesReference);

    /** Every asset, ordered by uuid (a stable order for seeded choices). */
    List<CatalogAsset> all();

    Optional<VirtualAssetSpec> virtualAsset(UUID uuid);
}
