package io.continuity.messaging;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.continuity.config.ContinuityConfig;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.ContinuityEvent;
import io.continuity.events.Envelope;
import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;
import io.continuity.events.Rejection;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * One batch of records becomes one database transaction: skip what the stored offsets say was consumed, skip
 * duplicates by event id, decode and validate, apply or reject, then store the new offsets — all or nothing.
 */
@ApplicationScoped
public class IngestPipeline {

    private static final Logger LOG = Logger.getLogger(IngestPipeline.class);

    private final CloudEventCodec codec;
    private final EventJournal journal;
    private final Rejections rejections;
    private final OffsetStore offsets;
    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final PartitionTracker tracker;
    private final String group;

    public IngestPipeline(CloudEventCodec codec, EventJournal journal, Rejections rejections, OffsetStore offsets,
            EntityManager em, Clock clock, MeterRegistry metrics, PartitionTracker tracker, ContinuityConfig config) {
        this.tracker = tracker;
        this.codec = codec;
        this.journal = journal;
        this.rejections = rejections;
        this.offsets = offsets;
        this.em = em;
        this.clock = clock;
        this.metrics = metrics;
        this.group = config.consumerGroup();
    }

    /** Applies a batch in one transaction. A permanent database refusal of any record rolls the whole batch back. */
    @Transactional
    public <E extends ContinuityEvent> void process(List<ConsumerRecord<String, byte[]>> records, EventApplier<E> applier) {
        String topic = applier.topic().topicName();
        Map<Integer, Long> stored = offsets.load(group, topic);
        Map<Integer, Long> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            long committed = stored.getOrDefault(record.partition(), 0L);
            if (record.offset() < committed) {
                continue;
            }
            handle(RecordContext.of(record), applier, false);
            next.merge(record.partition(), record.offset() + 1, Math::max);
        }
        applier.afterBatch();
        offsets.save(group, topic, next, clock.instant());
        TransactionCommit.after(() -> next.forEach((partition, offset) -> tracker.advanced(topic, partition, offset)));
    }

    /**
     * Applies one record in its own transaction; when {@code refusedByDatabase} is set the record already made the
     * database refuse a transaction, so it is rejected instead of applied.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <E extends ContinuityEvent> void processOne(ConsumerRecord<String, byte[]> record, EventApplier<E> applier,
            String refusedByDatabase) {
        String topic = applier.topic().topicName();
        if (record.offset() < offsets.load(group, topic).getOrDefault(record.partition(), 0L)) {
            return;
        }
        RecordContext context = RecordContext.of(record);
        if (refusedByDatabase != null) {
            rejections.reject(context, Rejection.of(ReasonCode.INVALID_VALUE, null, "refused by the database: " + refusedByDatabase));
        } else {
            handle(context, applier, true);
            applier.afterBatch();
        }
        offsets.save(group, topic, Map.of(record.partition(), record.offset() + 1), clock.instant());
        TransactionCommit.after(() -> tracker.advanced(topic, record.partition(), record.offset() + 1));
    }

    private <E extends ContinuityEvent> void handle(RecordContext record, EventApplier<E> applier, boolean flush) {
        Envelope<E> envelope;
        try {
            envelope = codec.decode(applier.topic(), applier.family(), record.headers(), record.value());
            if (journal.contains(envelope.id())) {
                LOG.debugf("Duplicate %s (ce_id=%s) ignored", record.position(), envelope.id());
                metrics.counter("continuity.events.duplicates", "topic", record.topic()).increment();
                return;
            }
            String expectedKey = applier.expectedKey(envelope.event());
            if (!expectedKey.equals(record.key())) {
                throw new RejectedEventException(ReasonCode.KEY_MISMATCH, null,
                        "record key '" + record.key() + "' must be '" + expectedKey + "'");
            }
            applier.apply(envelope, record);
        } catch (RejectedEventException e) {
            rejections.reject(record, e.rejection());
            return;
        }
        if (flush) {
            em.flush();
        }
        journal.recordApplied(envelope, record, applier.expectedKey(envelope.event()), clock.instant());
        metrics.counter("continuity.events.applied", "type", envelope.type().ceType()).increment();
    }
}
