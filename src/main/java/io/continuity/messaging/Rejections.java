package io.continuity.messaging;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import io.continuity.events.EventType;
import io.continuity.events.OutgoingRecord;
import io.continuity.events.Rejection;
import io.continuity.events.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What happens to a record that can never be applied: a {@code rejected_event} row for operators, and the record
 * itself, unchanged, on {@code <topic>.dlq} with headers naming the reason (through the outbox, so the DLQ record is
 * published exactly when the rejection commits). The projection is not touched.
 */
@ApplicationScoped
public class Rejections {

    public static final String REASON = "dlq-reason";
    public static final String REASON_DETAIL = "dlq-reason-detail";
    public static final String REASON_FIELD = "dlq-reason-field";
    public static final String ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "dlq-original-offset";

    private static final Logger LOG = Logger.getLogger(Rejections.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry metrics;

    public Rejections(EntityManager em, Outbox outbox, Clock clock, MeterRegistry metrics) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reject(RecordContext record, Rejection rejection) {
        LOG.warnf("Rejected %s (ce_type=%s, ce_id=%s): %s - %s", record.position(), record.headers().get("ce_type"),
                record.headers().get("ce_id"), rejection.code().code(), rejection.describe());
        int inserted = em.createNativeQuery("""
                INSERT INTO rejected_event (topic, partition_no, record_offset, record_key, event_id, ce_type, reason_code,
                                            reason_field, reason_detail, headers, payload, rejected_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CAST(?10 AS jsonb), ?11, ?12)
                ON CONFLICT (topic, partition_no, record_offset) DO NOTHING""")
                .setParameter(1, record.topic())
                .setParameter(2, record.partition())
                .setParameter(3, record.offset())
                .setParameter(4, record.key())
                .setParameter(5, record.headers().get("ce_id"))
                .setParameter(6, record.headers().get("ce_type"))
                .setParameter(7, rejection.code().code())
                .setParameter(8, rejection.field())
                .setParameter(9, rejection.detail())
                .setParameter(10, Outbox.toJson(record.headers()))
                .setParameter(11, record.value())
                .setParameter(12, clock.instant())
                .executeUpdate();
        if (inserted == 0) {
            return;
        }
        outbox.enqueue(deadLetter(record, rejection));
        // only known types become tag values: a sender inventing types must not grow the meter registry without bound
        String ceType = record.headers().get("ce_type");
        String type = ceType == null ? "unknown" : EventType.byCeType(ceType).map(EventType::ceType).orElse("unknown");
        IngestPipeline.countOnCommit(metrics.counter("continuity.events.rejected", "topic", record.topic(), "type", type, "reason",
                rejection.code().code()));
    }

    static OutgoingRecord deadLetter(RecordContext record, Rejection rejection) {
        Map<String, String> headers = new LinkedHashMap<>(record.headers());
        headers.put(REASON, rejection.code().code());
        headers.put(REASON_DETAIL, rejection.describe());
        if (rejection.field() != null) {
            headers.put(REASON_FIELD, rejection.field());
        }
        headers.put(ORIGINAL_TOPIC, record.topic());
        headers.put(ORIGINAL_PARTITION, Integer.toString(record.partition()));
        headers.put(ORIGINAL_OFFSET, Long.toString(record.offset()));
        return new OutgoingRecord(Topic.byName(record.topic()).deadLetterTopic(), record.key(), headers, record.value());
    }
}
