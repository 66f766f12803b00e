package io.continuity.resolver.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The candidates of an assignment in play order, with their uuids, each uuid's first position and the shortest and
 * longest eligible duration. A list the catalog keeps (a series, a rule's matches) gets one, built once per catalog
 * view and shared by every day and channel that plays it ({@link #shared}); any other list gets its own.
 */
record PlayOrder(List<CatalogAsset> assets, List<UUID> uuids, Map<UUID, Integer> positions, long shortestEligibleMs,
                 long longestEligibleMs) {

    /** A catalog list by identity: the catalog hands out the same instance for as long as it holds. */
    private record Key(IdentityOf list, boolean eligibleOnly) {
    }

    private static final class IdentityOf {

        private final Object value;

        IdentityOf(Object value) {
            this.value = value;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityOf that && that.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    static PlayOrder of(List<CatalogAsset> assets) {
        List<CatalogAsset> copy = List.copyOf(assets);
        List<UUID> uuids = new ArrayList<>(copy.size());
        Map<UUID, Integer> positions = new HashMap<>();
        long shortest = Long.MAX_VALUE;
        long longest = Long.MIN_VALUE;
        for (int i = 0; i < copy.size(); i++) {
            CatalogAsset asset = copy.get(i);
            uuids.add(asset.uuid());
            positions.putIfAbsent(asset.uuid(), i);
            if (asset.eligible() && asset.durationMs() > 0) {
                shortest = Math.min(shortest, asset.durationMs());
                longest = Math.max(longest, asset.durationMs());
            }
        }
        return new PlayOrder(copy, List.copyOf(uuids), positions, shortest, longest);
    }

    /**
     * The order of {@code assets}, a list {@code catalog} keeps and hands out again (never a list made for one call),
     * or of its eligible assets.
     */
    static PlayOrder shared(CatalogView catalog, List<CatalogAsset> assets, boolean eligibleOnly) {
        return catalog.derived(new Key(new IdentityOf(assets), eligibleOnly), () -> of(eligibleOnly ? eligible(assets) : assets));
    }

    static List<CatalogAsset> eligible(List<CatalogAsset> assets) {
        return assets.stream().filter(CatalogAsset::eligible).toList();
    }

    /** The first position of {@code uuid}, or -1. */
    int indexOf(UUID uuid) {
        Integer position = positions.get(uuid);
        return position == null ? -1 : position;
    }
}
