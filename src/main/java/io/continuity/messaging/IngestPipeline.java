package io.continuity.messaging;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.continuity.config.ContinuityConfig;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.ContinuityEvent;
import io.continuity.events.Envelope;
import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;
import io.continuity.events.Rejection;
import io.continuity.tracing.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
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
    private final Tracing tracing;
    private final String group;
    private final CrashPoints crashPoints;

    public IngestPipeline(CloudEventCodec codec, EventJournal journal, Rejections rejections, OffsetStore offsets,
            EntityManager em, Clock clock, MeterRegistry metrics, PartitionTracker tracker, Tracing tracing, ContinuityConfig config,
            CrashPoints crashPoints) {
        this.crashPoints = crashPoints;
        this.tracker = tracker;
        this.tracing = tracing;
        this.codec = codec;
        this.journal = journal;
        this.rejections = rejections;
        this.offsets = offsets;
        this.em = em;
        this.clock = clock;
        this.metrics = metrics;
        this.group = config.consumerGroup();
    }

    /**
     * Applies a batch in one transaction. A permanent database refusal of any record rolls the whole batch back. The
     * batch's partitions are locked first (see {@link OffsetStore#lockPartitions}), so two instances never apply the
     * same records during a rebalance.
     */
    @Transactional
    public <E extends ContinuityEvent> void process(List<ConsumerRecord<String, byte[]>> records, EventApplier<E> applier) {
        String topic = applier.topic().topicName();
        offsets.lockPartitions(group, topic, records.stream().map(ConsumerRecord::partition).collect(Collectors.toSet()));
        Map<Integer, Long> stored = offsets.load(group, topic);
        Map<Integer, Long> next = new HashMap<>();
        Map<Integer, Long> reached = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            long committed = stored.getOrDefault(record.partition(), 0L);
            reached.merge(record.partition(), committed, Math::max);
            if (record.offset() < committed) {
                continue;
            }
            handle(RecordContext.of(record), applier, false);
            next.merge(record.partition(), record.offset() + 1, Math::max);
        }
        applier.afterBatch();
        offsets.save(group, topic, next, clock.instant());
        // records skipped because a previous owner applied them still move this instance's position (caught-up check)
        next.forEach((partition, offset) -> reached.merge(partition, offset, Math::max));
        TransactionCommit.after(() -> {
            reached.forEach((partition, offset) -> tracker.advanced(topic, partition, offset));
            crashPoints.batchCommitted();
        });
    }

    /**
     * Applies one record in its own transaction; when {@code refusedByDatabase} is set the record already made the
     * database refuse a transaction, so it is rejected instead of applied.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <E extends ContinuityEvent> void processOne(ConsumerRecord<String, byte[]> record, EventApplier<E> applier,
            String refusedByDatabase) {
        String topic = applier.topic().topicName();
        offsets.lockPartitions(group, topic, List.of(record.partition()));
        long committed = offsets.load(group, topic).getOrDefault(record.partition(), 0L);
        if (record.offset() < committed) {
            tracker.advanced(topic, record.partition(), committed);
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

    /** Applies the event inside a span whose parent is the record's trace context, so what it causes stays in that trace. */
    private <E extends ContinuityEvent> void apply(EventApplier<E> applier, Envelope<E> envelope, RecordContext record) {
        Span span = tracing.start("apply " + envelope.type().ceType(), SpanKind.CONSUMER, tracing.extract(record.headers()));
        try (Scope scope = span.makeCurrent()) {
            applier.apply(envelope, record);
        } finally {
            span.end();
        }
    }

    private <E extends ContinuityEvent> void handle(RecordContext record, EventApplier<E> applier, boolean flush) {
        Envelope<E> envelope;
        try {
            envelope = codec.decode(applier.topic(), applier.family(), record.headers(), record.value());
            if (journal.contains(envelope.id())) {
                LOG.debugf("Duplicate %s (ce_id=%s) ignored", record.position(), envelope.id());
                countOnCommit(metrics.counter("continuity.events.duplicates", "topic", record.topic()));
                return;
            }
            String expectedKey = applier.expectedKey(envelope.event());
            if (!expectedKey.equals(record.key())) {
                throw new RejectedEventException(ReasonCode.KEY_MISMATCH, null,
                        "record key '" + record.key() + "' must be '" + expectedKey + "'");
            }
            apply(applier, envelope, record);
        } catch (RejectedEventException e) {
            rejections.reject(record, e.rejection());
            return;
        }
        if (flush) {
            em.flush();
        }
        journal.recordApplied(envelope, record, applier.expectedKey(envelope.event()), clock.instant());
        countOnCommit(metrics.counter("continuity.events.applied", "type", envelope.type().ceType()));
    }

    /** Counts once the batch commits: a batch that rolls back and is retried must not count its records twice. */
    static void countOnCommit(io.micrometer.core.instrument.Counter counter) {
        TransactionCommit.after(counter::increment);
    }
}
