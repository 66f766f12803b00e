package io.continuity.resolver.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * An immutable {@link CatalogView} over lists of assets and virtual assets, indexed once; series lists are kept in
 * season/episode order. Rule matches are cached (rules with a freshness criterion excepted, since their answer
 * depends on the day), so resolving many channels and days against one snapshot scans the catalog once per rule.
 * Safe for concurrent readers.
 */
public final class InMemoryCatalog implements CatalogView {

    private final Map<UUID, CatalogAsset> byUuid = new HashMap<>();
    private final Map<String, List<CatalogAsset>> bySeriesId = new HashMap<>();
    private final Map<String, List<CatalogAsset>> bySeriesTitle = new HashMap<>();
    private final Map<UUID, VirtualAssetSpec> virtualAssets = new HashMap<>();
    private final List<CatalogAsset> all;
    private final Map<RuleKey, List<CatalogAsset>> matches = new ConcurrentHashMap<>();
    private final Map<Object, Object> derived = new ConcurrentHashMap<>();

    private record RuleKey(ContentRule rule, Set<AssetKind> roleKinds) {
    }

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
        bySeriesId.replaceAll((id, episodes) -> sortedCopy(episodes));
        bySeriesTitle.replaceAll((title, episodes) -> sortedCopy(episodes));
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
        if (seriesReference == null) {
            return List.of();
        }
        List<CatalogAsset> byId = bySeriesId.get(seriesReference);
        if (byId != null) {
            return byId;
        }
        return bySeriesTitle.getOrDefault(seriesReference.toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public List<CatalogAsset> matching(ContentRule rule, Instant reference, Set<AssetKind> roleKinds) {
        if (roleKinds == null || roleKinds.isEmpty()) {
            return List.of();
        }
        if (rule.freshness() != null) {
            return CatalogView.super.matching(rule, reference, roleKinds);
        }
        return matches.computeIfAbsent(new RuleKey(rule, Set.copyOf(roleKinds)),
                key -> CatalogView.super.matching(rule, reference, roleKinds));
    }

    private static List<CatalogAsset> sortedCopy(List<CatalogAsset> assets) {
        List<CatalogAsset> sorted = new ArrayList<>(assets);
        sorted.sort(EpisodeOrder.SEASON_EPISODE);
        return List.copyOf(sorted);
    }

    @Override
    public List<CatalogAsset> all() {
        return all;
    }

    @Override
    public Optional<VirtualAssetSpec> virtualAsset(UUID uuid) {
        return Optional.ofNullable(virtualAssets.get(uuid));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, Supplier<T> compute) {
        Object value = derived.get(key);
        if (value == null) {
            value = compute.get();
            Object raced = derived.putIfAbsent(key, value);
            value = raced == null ? value : raced;
        }
        return (T) value;
    }
}
