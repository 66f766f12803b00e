package io.continuity.messaging;

import java.time.Instant;

import io.continuity.events.Envelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

/**
 * Every applied event by CloudEvents id, written in the transaction that applied it. A record whose id is already
 * here is a duplicate (redelivery, producer retry, replay of the same log) and changes nothing. Its two statements are
 * plain SQL on a table no entity maps, so they do not flush the batch's pending entity changes first: that flush,
 * once per record, dirty-checked every entity of the batch so far and dominated ingest (benchmark B1).
 */
@ApplicationScoped
public class EventJournal {

    private final EntityManager em;

    public EventJournal(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean contains(String eventId) {
        return !em.createNativeQuery("SELECT 1 FROM event_journal WHERE event_id = ?1")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, eventId).getResultList().isEmpty();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordApplied(Envelope<?> envelope, RecordContext record, String aggregateId, Instant appliedAt) {
        em.createNativeQuery("""
                INSERT INTO event_journal (event_id, ce_type, topic, partition_no, record_offset, record_key, aggregate_id,
                                           outcome, event_time, applied_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'APPLIED', ?8, ?9)""")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, envelope.id())
                .setParameter(2, envelope.type().ceType())
                .setParameter(3, record.topic())
                .setParameter(4, record.partition())
                .setParameter(5, record.offset())
                .setParameter(6, record.key())
                .setParameter(7, aggregateId)
                .setParameter(8, envelope.time())
                .setParameter(9, appliedAt)
                .executeUpdate();
    }
}
