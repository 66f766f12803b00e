package io.continuity.resolver.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An immutable {@link CatalogView} over lists of assets and virtual assets, indexed once; series lists are kept in
 * season/episode order.
 */
public final class InMemoryCatalog implements CatalogView {

    private final Map<UUID, CatalogAsset> byUuid = new HashMap<>();
    private final Map<String, List<CatalogAsset>> bySeriesId = new HashMap<>();
    private final Map<String, List<CatalogAsset>> bySeriesTitle = new HashMap<>();
    private final Map<UUID, VirtualAssetSpec> virtualAssets = new HashMap<>();
    private final List<CatalogAsset> all;

    private InMemoryCatalog(Collection<CatalogAsset> assets, Collection<VirtualAssetSpec> virtuals) {
        List<CatalogAsset> sorted = new ArrayList<>(assets);
        sorted.sort(Comparator.comparing(CatalogAsset::uuid));
        this.all = List.copyOf(sorted);
        for (CatalogAsset asset : all) {
            if (byUuid.put(asset.uuid(), asset) != null) {
                throw new IllegalArgumentException("duplicate asset uuid " + asset.uuid());
            }
            if (asset.seriesId() != null) {
                bySeriesId.computeIfAbsent(asset.seriesId(), k -> new ArrayList<>()).add(asset);
            }
            if (asset.seriesTitle() != null) {
                bySeriesTitle.computeIfAbsent(asset.seriesTitle().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(asset);
            }
        }
        bySeriesId.values().forEach(episodes -> episodes.sort(EpisodeOrder.SEASON_EPISODE));
        bySeriesTitle.values().forEach(episodes -> episodes.sort(EpisodeOrder.SEASON_EPISODE));
        for (VirtualAssetSpec virtual : virtuals) {
            virtualAssets.put(virtual.uuid(), virtual);
        }
    }

    public static InMemoryCatalog of(Collection<CatalogAsset> assets, Collection<VirtualAssetSpec> virtualAssets) {
        return new InMemoryCatalog(assets, virtualAssets);
    }

    public static InMemoryCatalog of(Collection<CatalogAsset> assets) {
        return new InMemoryCatalog(assets, List.of());
    }

    @Override
    public Optional<CatalogAsset> asset(UUID uuid) {
        return Optional.ofNullable(byUuid.get(uuid));
    }

    @Override
    public List<CatalogAsset> series(String seriesReference) {
        List<CatalogAsset> byId = bySeriesId.get(seriesReference);
        if (byId != null) {
            return List.copyOf(byId);
        }
        return List.copyOf(bySeriesTitle.getOrDefault(seriesReference.toLowerCase(Locale.ROOT), List.of()));
    }

    @Override
    public List<CatalogAsset> all() {
        return all;
    }

    @Override
    public Optional<VirtualAssetSpec> virtualAsset(UUID uuid) {
        return Optional.ofNullable(virtualAssets.get(uuid));
    }
}
