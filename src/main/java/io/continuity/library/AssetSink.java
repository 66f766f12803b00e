package io.continuity.library;

import java.util.List;

import io.continuity.events.CatalogEvent;

/** Where the importer publishes catalog events ({@code continuity.catalog-events} in the service: {@link KafkaAssetSink}). */
public interface AssetSink {

    /** Publishes {@code events}, each keyed by its asset uuid, and returns once all are accepted. */
    void publish(List<CatalogEvent> events);
}
