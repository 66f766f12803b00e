package io.continuity.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        List<Decoded<E>> decoded = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            long committed = stored.getOrDefault(record.partition(), 0L);
            reached.merge(record.partition(), committed, Math::max);
            if (record.offset() < committed) {
                continue;
            }
            next.merge(record.partition(), record.offset() + 1, Math::max);
            Decoded<E> d = decode(RecordContext.of(record), applier);
            if (d != null) {
                decoded.add(d);
            }
        }
        applyAll(decoded, applier);
        applier.afterBatch();
        offsets.save(group, topic, next, clock.instant());
        // records skipped because a previous owner applied them still move this instance's position (caught-up check)
        next.forEach((partition, offset) -> reached.merge(partition, offset, Math::max));
        TransactionCommit.after(() -> {
            reached.forEach((partition, offset) -> tracker.advanced(topic, partition, offset));
            crashPoints.batchCommitted();
        });
    }

    /** A record decoded and keyed as its topic requires, not yet applied. */
    private record Decoded<E extends ContinuityEvent>(RecordContext record, Envelope<E> envelope) {
    }

    /** Decodes one record; one that cannot be decoded is rejected at once (it never reaches the projection) and null is returned. */
    private <E extends ContinuityEvent> Decoded<E> decode(RecordContext record, EventApplier<E> applier) {
        try {
            return new Decoded<>(record, codec.decode(applier.topic(), applier.family(), record.headers(), record.value()));
        } catch (RejectedEventException e) {
            rejections.reject(record, e.rejection());
            return null;
        }
    }

    /** Applies a decoded, not duplicated event whose record carries the key its topic requires. */
    private <E extends ContinuityEvent> void applyKeyed(EventApplier<E> applier, Envelope<E> envelope, RecordContext record) {
        String expectedKey = applier.expectedKey(envelope.event());
        if (!expectedKey.equals(record.key())) {
            throw new RejectedEventException(ReasonCode.KEY_MISMATCH, null, "record key '" + record.key() + "' must be '" + expectedKey + "'");
        }
        apply(applier, envelope, record);
    }

    /**
     * The batch set-based: one query finds the ids already applied, the applier loads what the events touch in one go
     * ({@link EventApplier#prepare}), each event is applied in log order (a duplicate of one applied earlier in the batch is
     * skipped too), and the journal rows are written in one statement batch.
     */
    private <E extends ContinuityEvent> void applyAll(List<Decoded<E>> decoded, EventApplier<E> applier) {
        if (decoded.isEmpty()) {
            return;
        }
        Set<String> seen = journal.existing(decoded.stream().map(d -> d.envelope().id()).toList());
        List<Envelope<E>> fresh = decoded.stream().map(Decoded::envelope).filter(e -> !seen.contains(e.id())).toList();
        applier.prepare(fresh.stream().map(Envelope::event).toList());
        List<EventJournal.Entry> applied = new ArrayList<>(decoded.size());
        Instant now = clock.instant();
        for (Decoded<E> d : decoded) {
            Envelope<E> envelope = d.envelope();
            if (!seen.add(envelope.id())) {
                duplicate(d.record(), envelope);
                continue;
            }
            try {
                applyKeyed(applier, envelope, d.record());
            } catch (RejectedEventException e) {
                seen.remove(envelope.id());
                rejections.reject(d.record(), e.rejection());
                continue;
            }
            applied.add(new EventJournal.Entry(envelope, d.record(), applier.expectedKey(envelope.event())));
            countOnCommit(metrics.counter("continuity.events.applied", "type", envelope.type().ceType()));
        }
        journal.recordApplied(applied, now);
    }

    private void duplicate(RecordContext record, Envelope<?> envelope) {
        LOG.debugf("Duplicate %s (ce_id=%s) ignored", record.position(), envelope.id());
        countOnCommit(metrics.counter("continuity.events.duplicates", "topic", record.topic()));
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
            handle(context, applier);
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

    /** One record on its own (the batch it came in was refused): decoded, checked, applied and journaled, flushed at once. */
    private <E extends ContinuityEvent> void handle(RecordContext record, EventApplier<E> applier) {
        Decoded<E> d = decode(record, applier);
        if (d == null) {
            return;
        }
        Envelope<E> envelope = d.envelope();
        if (!journal.existing(List.of(envelope.id())).isEmpty()) {
            duplicate(record, envelope);
            return;
        }
        applier.prepare(List.of(envelope.event()));
        try {
            applyKeyed(applier, envelope, record);
        } catch (RejectedEventException e) {
            rejections.reject(record, e.rejection());
            return;
        }
        em.flush();
        journal.recordApplied(List.of(new EventJournal.Entry(envelope, record, applier.expectedKey(envelope.event()))), clock.instant());
        countOnCommit(metrics.counter("continuity.events.applied", "type", envelope.type().ceType()));
    }

    /** Counts once the batch commits: a batch that rolls back and is retried must not count its records twice. */
    static void countOnCommit(io.micrometer.core.instrument.Counter counter) {
        TransactionCommit.after(counter::increment);
    }
}
