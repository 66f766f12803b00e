package io.continuity.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

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
import jakarta.persistence.EntityManager;

/** Routes each {@code continuity.catalog-events} record to the catalog projection. */
@ApplicationScoped
public class CatalogEventsApplier implements EventApplier<CatalogEvent> {

    private final CatalogProjection catalog;
    private final CatalogImpact impact;
    private final Clock clock;
    private final EntityManager em;
    private final List<CatalogImpact.Change> changes = new ArrayList<>();
    /** The batch's assets, loaded in one query by {@link #prepare}; a key without a value is an asset not stored yet. */
    private final Map<UUID, CatalogAssetEntity> assets = new HashMap<>();

    public CatalogEventsApplier(CatalogProjection catalog, CatalogImpact impact, Clock clock, EntityManager em) {
        this.em = em;
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
            // the batch's assets are written now and leave the persistence context: the impact's requests flush it again
            em.flush();
            assets.values().stream().filter(Objects::nonNull).forEach(em::detach);
            assets.clear();
            impact.request(batch, clock.instant());
        }
    }

    /** Loads every stored asset the batch's events name in one query. */
    @Override
    public void prepare(List<CatalogEvent> events) {
        assets.clear();
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
            CatalogAssetEntity.<CatalogAssetEntity>list("uuid in ?1", ids).forEach(asset -> assets.put(asset.uuid, asset));
        }
    }

    private CatalogAssetEntity stored(UUID uuid) {
        return assets.containsKey(uuid) ? assets.get(uuid) : CatalogAssetEntity.findById(uuid);
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
                CatalogAssetEntity stored = stored(e.assetUuid());
                CatalogAsset before = stored == null ? null : CoreMapping.asset(stored);
                CatalogAssetEntity asset = catalog.upsert(e, stored, at);
                assets.put(asset.uuid, asset);
                changes.add(new CatalogImpact.Change(before, CoreMapping.asset(asset), null, cause));
            }
            case AssetRetired e -> {
                CatalogAssetEntity stored = stored(e.assetUuid());
                CatalogAsset before = stored == null ? null : CoreMapping.asset(stored);
                catalog.retire(e, stored, at);
                changes.add(new CatalogImpact.Change(before, CoreMapping.asset(stored), null, cause));
            }
            case VirtualAssetDefined e -> {
                catalog.defineVirtual(e, at);
                changes.add(new CatalogImpact.Change(null, null, e.virtualAssetUuid(), cause));
            }
        }
    }

}
