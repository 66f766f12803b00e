package io.continuity.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.continuity.common.EventTimes;
import io.continuity.events.AssetRetired;
import io.continuity.events.AssetUpserted;
import io.continuity.events.CatalogEvent;
import io.continuity.events.Envelope;
import io.continuity.events.Topic;
import io.continuity.events.VirtualAssetDefined;
import io.continuity.inputs.CatalogAssetEntity;
import io.continuity.messaging.EventApplier;
import io.continuity.messaging.RecordContext;
import io.continuity.resolver.CatalogImpact;
import io.continuity.resolver.CoreMapping;
import io.continuity.resolver.core.CatalogAsset;
import jakarta.enterprise.context.ApplicationScoped;

/** Routes each {@code continuity.catalog-events} record to the catalog projection. */
@ApplicationScoped
public class CatalogEventsApplier implements EventApplier<CatalogEvent> {

    private final CatalogProjection catalog;
    private final CatalogImpact impact;
    private final Clock clock;
    private final List<CatalogImpact.Change> changes = new ArrayList<>();

    public CatalogEventsApplier(CatalogProjection catalog, CatalogImpact impact, Clock clock) {
        this.catalog = catalog;
        this.impact = impact;
        this.clock = clock;
    }

    /**
     * The batch's changes re-resolve only the channels and days that can select the changed assets (as they were or
     * as they are now): see {@link CatalogImpact}.
     */
    @Override
    public void afterBatch() {
        if (!changes.isEmpty()) {
            List<CatalogImpact.Change> batch = List.copyOf(changes);
            changes.clear();
            impact.request(batch, clock.instant());
        }
    }

    @Override
    public Topic topic() {
        return Topic.CATALOG_EVENTS;
    }

    @Override
    public Class<CatalogEvent> family() {
        return CatalogEvent.class;
    }

    @Override
    public String expectedKey(CatalogEvent event) {
        return event.aggregateId().toString();
    }

    @Override
    public void apply(Envelope<CatalogEvent> envelope, RecordContext record) {
        Instant at = EventTimes.of(envelope, record);
        String cause = "catalog:" + envelope.id();
        switch (envelope.event()) {
            case AssetUpserted e -> {
                CatalogAsset before = snapshot(e.assetUuid());
                catalog.upsert(e, at);
                changes.add(new CatalogImpact.Change(before, snapshot(e.assetUuid()), null, cause));
            }
            case AssetRetired e -> {
                CatalogAsset before = snapshot(e.assetUuid());
                catalog.retire(e, at);
                changes.add(new CatalogImpact.Change(before, snapshot(e.assetUuid()), null, cause));
            }
            case VirtualAssetDefined e -> {
                catalog.defineVirtual(e, at);
                changes.add(new CatalogImpact.Change(null, null, e.virtualAssetUuid(), cause));
            }
        }
    }

    private static CatalogAsset snapshot(java.util.UUID uuid) {
        CatalogAssetEntity asset = CatalogAssetEntity.findById(uuid);
        return asset == null ? null : CoreMapping.asset(asset);
    }
}
