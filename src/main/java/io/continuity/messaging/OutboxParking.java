package io.continuity.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.continuity.events.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

/**
 * The side track of the outbox: rows Kafka refused for good ({@link OutboxRefusals}) are moved into {@code outbox_parked}
 * with the refusal, so the relay can publish the rows behind them, and an operator can see them and put them back once the
 * limit that refused them is raised. Each park (and each hold) fires {@link OutboxRecordRefused} in its transaction, for the
 * alert, and counts in {@code continuity.outbox.refused}. Owns the queries on {@code outbox_parked}.
 */
@ApplicationScoped
public class OutboxParking {

    private static final Logger LOG = Logger.getLogger(OutboxParking.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final EntityManager em;
    private final Event<OutboxRecordRefused> refusals;
    private final MeterRegistry metrics;
    private final Clock clock;

    public OutboxParking(EntityManager em, Event<OutboxRecordRefused> refusals, MeterRegistry metrics, Clock clock) {
        this.em = em;
        this.refusals = refusals;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A parked record as an operator lists it; the payload itself is left out. */
    public record ParkedRecord(long outboxId, String topic, String key, String ceType, String ceId, long payloadBytes,
            Map<String, Object> subject, Instant createdAt, Instant parkedAt, String reason, String reasonDetail) {
    }

    /** Moves outbox row {@code id} (sent as {@code record}) aside; returns false when it was no longer waiting to be published. */
    public boolean park(long id, ProducerRecord<String, byte[]> record, Throwable refusal) {
        OutboxRecordRefused refused = refused(id, record, refusal, OutboxRefusals.Outcome.PARK);
        boolean moved = QuarkusTransaction.requiringNew().call(() -> {
            int rows = em.createNativeQuery("""
                    WITH moved AS (DELETE FROM outbox WHERE id = ?1 AND published_at IS NULL
                                   RETURNING id, topic, record_key, headers, payload, traceparent, created_at)
                    INSERT INTO outbox_parked (id, topic, record_key, headers, payload, traceparent, created_at, subject, parked_at, reason,
                                               reason_detail)
                    SELECT id, topic, record_key, headers, payload, traceparent, created_at, CAST(?2 AS jsonb), ?3, ?4, ?5 FROM moved""")
                    .setParameter(1, id).setParameter(2, json(refused.subject())).setParameter(3, refused.at())
                    .setParameter(4, refused.reason()).setParameter(5, refused.reasonDetail()).executeUpdate();
            if (rows == 1) {
                refusals.fire(refused);
            }
            return rows == 1;
        });
        if (moved) {
            LOG.warnf("Kafka refused outbox row %d for %s (%s: %s); parked, the rows behind it go on", id, record.topic(), refused.reason(),
                    refused.reasonDetail());
            count(refused);
        }
        return moved;
    }

    /** Raises the refusal of a record that may not be parked; the relay keeps retrying it in place. */
    public void hold(long id, ProducerRecord<String, byte[]> record, Throwable refusal) {
        OutboxRecordRefused refused = refused(id, record, refusal, OutboxRefusals.Outcome.HOLD);
        QuarkusTransaction.requiringNew().run(() -> refusals.fire(refused));
        LOG.errorf("Kafka refused outbox row %d for %s (%s: %s); it may not be parked, so the relay retries it and stops there",
                id, record.topic(), refused.reason(), refused.reasonDetail());
        count(refused);
    }

    /** Parked records in outbox order, optionally of one topic. */
    public List<ParkedRecord> list(String topic, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT id, topic, record_key, headers->>'ce_type', headers->>'ce_id', coalesce(octet_length(payload), 0), subject::text,
                       created_at, parked_at, reason, reason_detail
                FROM outbox_parked WHERE CAST(?1 AS text) IS NULL OR topic = ?1 ORDER BY id LIMIT ?2""", Object[].class)
                .setParameter(1, topic).setParameter(2, limit).getResultList().stream().map(r -> parked((Object[]) r)).toList());
    }

    /**
     * Puts parked records back into the outbox under their own ids (so the relay sends them before anything newer): one
     * ({@code id}), those of a topic, or all. Returns the ids requeued.
     */
    public List<Long> requeue(Long id, String topic) {
        List<Long> requeued = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                WITH moved AS (DELETE FROM outbox_parked WHERE (CAST(?1 AS bigint) IS NULL OR id = ?1) AND (CAST(?2 AS text) IS NULL OR topic = ?2)
                               RETURNING id, topic, record_key, headers, payload, traceparent, created_at),
                     queued AS (INSERT INTO outbox (id, topic, record_key, headers, payload, traceparent, created_at)
                                SELECT id, topic, record_key, headers, payload, traceparent, created_at FROM moved RETURNING id)
                SELECT id FROM queued ORDER BY id""", Long.class).setParameter(1, id).setParameter(2, topic).getResultList());
        if (!requeued.isEmpty()) {
            LOG.infof("Requeued parked outbox rows %s", requeued);
        }
        return requeued;
    }

    /** Drops a parked record for good (a day version superseded since, say); returns whether there was one. */
    public boolean discard(long id) {
        boolean dropped = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("DELETE FROM outbox_parked WHERE id = ?1")
                .setParameter(1, id).executeUpdate() == 1);
        if (dropped) {
            LOG.warnf("Parked outbox row %d discarded; it will not be published", id);
        }
        return dropped;
    }

    private OutboxRecordRefused refused(long id, ProducerRecord<String, byte[]> record, Throwable refusal, OutboxRefusals.Outcome outcome) {
        Throwable cause = OutboxRefusals.refusal(refusal) == null ? refusal : OutboxRefusals.refusal(refusal);
        return new OutboxRecordRefused(id, record.topic(), record.key(), header(record, "ce_type"), header(record, "ce_id"),
                record.value() == null ? 0 : record.value().length, OutboxRecordRefused.subjectOf(record.value()),
                cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()), outcome, clock.instant());
    }

    private void count(OutboxRecordRefused refused) {
        metrics.counter("continuity.outbox.refused", "topic", refused.topic(), "reason", refused.reason(), "outcome",
                refused.outcome() == OutboxRefusals.Outcome.PARK ? "parked" : "held").increment();
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static ParkedRecord parked(Object[] r) {
        return new ParkedRecord(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                ((Number) r[5]).longValue(), map((String) r[6]), Commands.instant(r[7]), Commands.instant(r[8]), (String) r[9], (String) r[10]);
    }

    private static String json(Map<String, Object> value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> map(String json) {
        try {
            return EventJson.mapper().readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable subject of a parked record", e);
        }
    }
}
