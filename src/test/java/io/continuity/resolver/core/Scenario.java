package io.continuity.resolver.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Given/when helper for resolver tests: a channel, plans, a catalog (with {@link AssetBuilder#standardFillers()}
 * unless removed) and a history, resolved for a day or a run of days.
 */
final class Scenario {

    private static final Resolver RESOLVER = new Resolver();

    private ChannelSpec channel = ChannelBuilder.channel().build();
    private final List<PlanSpec> plans = new ArrayList<>();
    private final List<CatalogAsset> assets = new ArrayList<>(AssetBuilder.standardFillers());
    private final List<VirtualAssetSpec> virtualAssets = new ArrayList<>();
    private PlayHistory history = PlayHistory.empty();
    private int seedGeneration;
    private List<ResolvedEvent> frozenPrefix = List.of();
    private java.util.Set<java.util.UUID> notAired = java.util.Set.of();

    static Scenario scenario() {
        return new Scenario();
    }

    Scenario channel(ChannelBuilder builder) {
        channel = builder.build();
        return this;
    }

    Scenario plan(PlanBuilder builder) {
        plans.add(builder.build());
        return this;
    }

    Scenario assets(CatalogAsset... values) {
        assets.addAll(List.of(values));
        return this;
    }

    Scenario assets(Collection<CatalogAsset> values) {
        assets.addAll(values);
        return this;
    }

    Scenario withoutFillers() {
        assets.removeIf(asset -> asset.kind() == AssetKind.FILLER);
        return this;
    }

    Scenario virtualAsset(VirtualAssetSpec virtual) {
        virtualAssets.add(virtual);
        return this;
    }

    Scenario history(PlayHistory value) {
        history = value;
        return this;
    }

    Scenario seedGeneration(int value) {
        seedGeneration = value;
        return this;
    }

    Scenario frozenPrefix(List<ResolvedEvent> events) {
        frozenPrefix = events;
        return this;
    }

    Scenario notAired(java.util.Set<java.util.UUID> events) {
        notAired = events;
        return this;
    }

    ChannelSpec channel() {
        return channel;
    }

    ResolveRequest request(String day) {
        return new ResolveRequest(channel, LocalDate.parse(day), plans, InMemoryCatalog.of(assets, virtualAssets),
                history, seedGeneration, frozenPrefix, List.of(), notAired);
    }

    ResolvedDay resolve(String day) {
        return RESOLVER.resolve(request(day));
    }

    List<ResolvedDay> resolveDays(String firstDay, int days) {
        return RESOLVER.resolveDays(request(firstDay), days);
    }
}
