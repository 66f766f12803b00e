package io.continuity.messaging;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.continuity.events.OutgoingRecord;
import io.continuity.tracing.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The transactional outbox: a record to publish is written in the same transaction as the change that caused it,
 * and {@link OutboxRelay} publishes it after commit. A change and its announcement therefore commit together or not
 * at all.
 */
@ApplicationScoped
public class Outbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EntityManager em;

    public Outbox(EntityManager em) {
        this.em = em;
    }

    /**
     * Adds a record to the outbox; must run inside the transaction of the change it announces. The current trace
     * context goes with it, for the relay to send as the record's {@code traceparent}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(OutgoingRecord record) {
        em.createNativeQuery("INSERT INTO outbox (topic, record_key, headers, payload, traceparent) VALUES (?1, ?2, CAST(?3 AS jsonb), ?4, ?5)")
                .setParameter(1, record.topic())
                .setParameter(2, record.key())
                .setParameter(3, toJson(record.headers()))
                .setParameter(4, record.payload())
                .setParameter(5, Tracing.currentTraceparent())
                .executeUpdate();
    }

    static String toJson(Map<String, String> headers) {
        try {
            return JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers are not serialisable", e);
        }
    }
}
