package io.continuity.asrun;

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
 * Consumes {@code continuity.as-run} in batches (channel {@code as-run}: group {@code continuity}, offsets stored in
 * PostgreSQL, invalid records dead-lettered to {@code continuity.as-run.dlq} by the pipeline).
 */
@ApplicationScoped
public class AsRunEventsConsumer {

    private final IngestRunner runner;
    private final AsRunEventsApplier applier;
    private final HorizonWorker horizon;

    public AsRunEventsConsumer(IngestRunner runner, AsRunEventsApplier applier, HorizonWorker horizon) {
        this.runner = runner;
        this.applier = applier;
        this.horizon = horizon;
    }

    @Incoming("as-run")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        runner.run(list, applier);
        horizon.wake();
    }
}
