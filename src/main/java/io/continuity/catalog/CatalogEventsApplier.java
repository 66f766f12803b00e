package io.continuity.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.continuity.common.EventTimes;
import io.continuity.events.AssetRetired;
import io.continuity.events.AssetUpserted;
import io.continuity.events.CatalogEvent;
import io.continuity.events.Envelope;
import io.continuity.events.Topic;
import io.continuity.events.VirtualAssetDefined;
import io.continuity.inputs.CatalogAssetRow;
import io.continuity.inputs.CatalogAssetTable;
import io.continuity.messaging.EventApplier;
import io.continuity.messaging.RecordContext;
import io.continuity.resolver.CatalogImpact;
import io.continuity.resolver.CoreMapping;
import jakarta.enterprise.context.ApplicationScoped;

/** Routes each {@code continuity.catalog-events} record to the catalog projection. */
@ApplicationScoped
public class CatalogEventsApplier implements EventApplier<CatalogEvent> {

    private final CatalogProjection catalog;
    private final CatalogImpact impact;
    private final Clock clock;
    private final CatalogAssetTable table;
    private final List<CatalogImpact.Change> changes = new ArrayList<>();
    /** The batch's assets as they stand after its events so far, loaded in one query by {@link #prepare}; null: not stored yet. */
    private final Map<UUID, CatalogAssetRow> assets = new HashMap<>();
    /** The rows the batch changed, each once (its last state), written in one statement by {@link #afterBatch}. */
    private final Map<UUID, CatalogAssetRow> changed = new LinkedHashMap<>();

    public CatalogEventsApplier(CatalogProjection catalog, CatalogImpact impact, Clock clock, CatalogAssetTable table) {
        this.table = table;
        this.catalog = catalog;
        this.impact = impact;
        this.clock = clock;
    }

    /**
     * Writes the batch's changed assets in one statement, then re-resolves only the channels and days that can select
     * them (as they were or as they are now): see {@link CatalogImpact}.
     */
    @Override
    public void afterBatch() {
        table.upsert(changed.values());
        changed.clear();
        assets.clear();
        if (!changes.isEmpty()) {
            List<CatalogImpact.Change> batch = List.copyOf(changes);
            changes.clear();
            impact.request(batch, clock.instant());
        }
    }

    /** Loads every stored asset the batch's events name in one query. */
    @Override
    public void prepare(List<CatalogEvent> events) {
        assets.clear();
        changed.clear();
        changes.clear(); // a batch that failed and is run again must not carry its first attempt's changes
        Set<UUID> ids = new HashSet<>();
        for (CatalogEvent event : events) {
            switch (event) {
                case AssetUpserted e -> ids.add(e.assetUuid());
                case AssetRetired e -> ids.add(e.assetUuid());
                case VirtualAssetDefined e -> { }
            }
        }
        if (!ids.isEmpty()) {
            ids.forEach(id -> assets.put(id, null));
            table.load(ids).forEach(asset -> assets.put(asset.uuid(), asset));
        }
    }

    private CatalogAssetRow stored(UUID uuid) {
        if (!assets.containsKey(uuid)) {
            table.load(List.of(uuid)).forEach(asset -> assets.put(asset.uuid(), asset));
        }
        return assets.get(uuid);
    }

    private void store(CatalogAssetRow asset) {
        assets.put(asset.uuid(), asset);
        changed.put(asset.uuid(), asset);
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
                CatalogAssetRow stored = stored(e.assetUuid());
                CatalogAssetRow asset = catalog.upsert(e, stored, at);
                store(asset);
                changes.add(new CatalogImpact.Change(stored == null ? null : CoreMapping.asset(stored), CoreMapping.asset(asset), null, cause));
            }
            case AssetRetired e -> {
                CatalogAssetRow stored = stored(e.assetUuid());
                CatalogAssetRow asset = catalog.retire(e, stored, at);
                store(asset);
                changes.add(new CatalogImpact.Change(CoreMapping.asset(stored), CoreMapping.asset(asset), null, cause));
            }
            case VirtualAssetDefined e -> {
                catalog.defineVirtual(e, at);
                changes.add(new CatalogImpact.Change(null, null, e.virtualAssetUuid(), cause));
            }
        }
    }

}
