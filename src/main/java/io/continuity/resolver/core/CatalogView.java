package io.continuity.resolver.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Read-only view of the asset catalog at the moment a day is resolved. Views return assets whatever their
 * eligibility; the resolver filters with {@link CatalogAsset#eligible()} itself, so a stale or retired asset is
 * never scheduled even if a view returns it.
 */
public interface CatalogView {

    Optional<CatalogAsset> asset(UUID uuid);

    /**
     * All assets of a series, looked up by series id and, when no asset has that id, by series title
     * (case-insensitive), in season/episode order ({@link EpisodeOrder#SEASON_EPISODE}).
     */
    List<CatalogAsset> series(String seriesReference);

    /**
     * The assets {@code rule} matches for a role ({@link ContentRule#matches}), eligible or not, in season/episode
     * order (a stable sort of the uuid order). Views may cache the answer: many assignments and every day of a
     * horizon share a rule. Must be safe to call from several threads.
     */
    default List<CatalogAsset> matching(ContentRule rule, Instant reference, Set<AssetKind> roleKinds) {
        return all().stream().filter(asset -> rule.matches(asset, reference, roleKinds))
                .sorted(EpisodeOrder.SEASON_EPISODE).toList();
    }

    /** Every asset, ordered by uuid (a stable order for seeded choices). */
    List<CatalogAsset> all();

    Optional<VirtualAssetSpec> virtualAsset(UUID uuid);

    /**
     * A value computed from this view alone (an index the resolver builds over it), kept for the view's lifetime
     * when the view can keep it, so every day and channel resolved against one snapshot shares it. {@code key} must
     * say everything the value depends on besides the view. The default keeps nothing. Must be safe to call from
     * several threads.
     */
    default <T> T derived(Object key, Supplier<T> compute) {
        return compute.get();
    }
}
