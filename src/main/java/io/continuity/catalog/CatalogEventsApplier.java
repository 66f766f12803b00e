package io.continuity.catalog;

import java.time.Clock;
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
import io.continuity.resolver.ResolutionRequests;
import jakarta.enterprise.context.ApplicationScoped;

/** Routes each {@code continuity.catalog-events} record to the catalog projection. */
@ApplicationScoped
public class CatalogEventsApplier implements EventApplier<CatalogEvent> {

    private final CatalogProjection catalog;
    private final ResolutionRequests resolutions;
    private final Clock clock;
    private boolean changed;

    public CatalogEventsApplier(CatalogProjection catalog, ResolutionRequests resolutions, Clock clock) {
        this.catalog = catalog;
        this.resolutions = resolutions;
        this.clock = clock;
    }

    /** Any catalog change may change what rules, series and fallbacks select: every channel is re-resolved. */
    @Override
    public void afterBatch() {
        if (changed) {
            changed = false;
            resolutions.requestAll("catalog change", clock.instant());
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
        switch (envelope.event()) {
            case AssetUpserted e -> catalog.upsert(e, at);
            case AssetRetired e -> catalog.retire(e, at);
            case VirtualAssetDefined e -> catalog.defineVirtual(e, at);
        }
        changed = true;
    }
}
