package io.continuity.catalog;

import java.time.Instant;

import io.continuity.common.EventTimes;
import io.continuity.events.AssetRetired;
import io.continuity.events.AssetUpserted;
import io.continuity.events.CatalogEvent;
import io.continuity.events.Envelope;
import io.continuity.events.Topic;
import io.continuity.events.VirtualAssetDefined;
import io.continuity.messaging.EventApplier;
import io.continuity.messaging.RecordContext;
import jakarta.enterprise.context.ApplicationScoped;

/** Routes each {@code continuity.catalog-events} record to the catalog projection. */
@ApplicationScoped
public class CatalogEventsApplier implements EventApplier<CatalogEvent> {

    private final CatalogProjection catalog;

    public CatalogEventsApplier(CatalogProjection catalog) {
        this.catalog = catalog;
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
        switch (envelope.event()) {
            case AssetUpserted e -> catalog.upsert(e, at);
            case AssetRetired e -> catalog.retire(e, at);
            case VirtualAssetDefined e -> catalog.defineVirtual(e, at);
        }
    }
}
