package io.continuity.override;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.continuity.messaging.IngestRunner;
import io.continuity.messaging.CommandWaiter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes {@code continuity.override-commands} in batches (channel {@code override-commands}: group {@code continuity}, offsets
 * stored in PostgreSQL, invalid records dead-lettered to {@code continuity.override-commands.dlq} by the pipeline).
 */
@ApplicationScoped
public class OverrideCommandsConsumer {

    private final IngestRunner runner;
    private final OverrideCommandsApplier applier;
    private final CommandWaiter waiter;

    public OverrideCommandsConsumer(IngestRunner runner, OverrideCommandsApplier applier, CommandWaiter waiter) {
        this.runner = runner;
        this.applier = applier;
        this.waiter = waiter;
    }

    @Incoming("override-commands")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        runner.run(list, applier);
        waiter.signal();
    }
}
