package io.continuity.catalog;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.continuity.messaging.IngestRunner;
import io.continuity.resolver.HorizonWorker;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes {@code continuity.catalog-events} in batches (channel {@code catalog-events}: group {@code continuity}, offsets
 * stored in PostgreSQL, invalid records dead-lettered to {@code continuity.catalog-events.dlq} by the pipeline).
 */
@ApplicationScoped
public class CatalogEventsConsumer {

    private final IngestRunner runner;
    private final CatalogEventsApplier applier;
    private final HorizonWorker horizon;

    public CatalogEventsConsumer(IngestRunner runner, CatalogEventsApplier applier, HorizonWorker horizon) {
        this.runner = runner;
        this.applier = applier;
        this.horizon = horizon;
    }

    @Incoming("catalog-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        runner.run(list, applier);
        horizon.wake();
    }
}
