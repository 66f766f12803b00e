package io.continuity.messaging;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hibernate.Session;


import io.continuity.events.Envelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

    /** An applied event to journal. */
    public record Entry(Envelope<?> envelope, RecordContext record, String aggregateId) {
    }

    /** Which of {@code eventIds} were applied before (one query for a whole batch). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> existing(Collection<String> eventIds) {
        Set<String> found = new HashSet<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT event_id FROM event_journal WHERE event_id = ANY (?)")) {
                s.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        });
        return found;
    }

    /** Journals the applied events in one statement batch on the transaction's connection. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordApplied(List<Entry> entries, Instant appliedAt) {
        if (entries.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    INSERT INTO event_journal (event_id, ce_type, topic, partition_no, record_offset, record_key, aggregate_id,
                                               outcome, event_time, applied_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'APPLIED', ?, ?)""")) {
                OffsetDateTime at = appliedAt.atOffset(ZoneOffset.UTC);
                for (Entry entry : entries) {
                    s.setString(1, entry.envelope().id());
                    s.setString(2, entry.envelope().type().ceType());
                    s.setString(3, entry.record().topic());
                    s.setInt(4, entry.record().partition());
                    s.setLong(5, entry.record().offset());
                    s.setString(6, entry.record().key());
                    s.setString(7, entry.aggregateId());
                    Instant eventTime = entry.envelope().time();
                    s.setObject(8, eventTime == null ? null : eventTime.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                    s.setObject(9, at);
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }
}
