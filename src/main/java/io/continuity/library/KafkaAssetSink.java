package io.continuity.library;

import java.util.List;
import java.util.UUID;

import io.continuity.events.CatalogEvent;
import io.continuity.messaging.CommandPublisher;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes the importer's events to {@code continuity.catalog-events} through the path REST commands take
 * ({@link CommandPublisher}: CloudEvents binary headers, acks=all, idempotent producer), keyed by asset uuid, with
 * {@code ce_source} {@code <continuity.source>/library}. The catalog consumer applies them like any other producer's.
 */
@ApplicationScoped
public class KafkaAssetSink implements AssetSink {

    static final String ORIGIN = "library";

    private final CommandPublisher publisher;

    public KafkaAssetSink(CommandPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(List<CatalogEvent> events) {
        publisher.publishTogether(events.stream()
                .map(e -> new CommandPublisher.Command(e, e.aggregateId().toString(), UUID.randomUUID().toString())).toList(), ORIGIN);
    }
}
