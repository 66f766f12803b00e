package io.continuity.resolver;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.continuity.events.Envelope;
import io.continuity.events.ScheduleDecided;
import io.continuity.events.ScheduleDecision;
import io.continuity.events.Topic;
import io.continuity.messaging.AwaitingInput;
import io.continuity.messaging.EventApplier;
import io.continuity.messaging.IngestRunner;
import io.continuity.messaging.RecordContext;
import io.continuity.messaging.ReplayGate;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes {@code continuity.schedule-decisions} (channel {@code schedule-decisions}) to move this database's position
 * in it: the decisions before the position have been made here, so a restart reads ahead only the rest (see
 * {@link ReplayGate}). A decision this database made is a duplicate; one being replayed is waited for.
 */
@ApplicationScoped
public class ScheduleDecisionsConsumer implements EventApplier<ScheduleDecision> {

    private final IngestRunner runner;
    private final ReplayGate gate;

    public ScheduleDecisionsConsumer(IngestRunner runner, ReplayGate gate) {
        this.runner = runner;
        this.gate = gate;
    }

    @Incoming("schedule-decisions")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        runner.run(list, this);
    }

    @Override
    public Topic topic() {
        return Topic.SCHEDULE_DECISIONS;
    }

    @Override
    public Class<ScheduleDecision> family() {
        return ScheduleDecision.class;
    }

    @Override
    public String expectedKey(ScheduleDecision event) {
        return switch (event) {
            case ScheduleDecided d -> d.channelId().toString();
        };
    }

    @Override
    public void apply(Envelope<ScheduleDecision> envelope, RecordContext record) {
        switch (envelope.event()) {
            case ScheduleDecided d -> {
                while (gate.pending(d.decisionId())) {
                    if (gate.stopping()) {
                        throw new AwaitingInput("decision " + d.decisionId() + " is still being replayed");
                    }
                    gate.awaitChange(500);
                }
            }
        }
    }
}
