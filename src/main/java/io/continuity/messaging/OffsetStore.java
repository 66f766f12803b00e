package io.continuity.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Kafka positions kept in PostgreSQL, written in the same transaction as the projection they produced, so a crash
 * can never separate "applied" from "consumed". On partition assignment the consumer seeks to these positions.
 */
@ApplicationScoped
public class OffsetStore {

    private final EntityManager em;
    private final DataSource dataSource;

    public OffsetStore(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /**
     * Serialises batches of the same partitions across instances until the current transaction ends. After a
     * rebalance the previous owner may still be committing the batch it had in hand while the new owner starts from
     * the offsets it read at assignment; taking this lock before {@link #load} makes the new owner wait for that commit
     * and then see its offsets, so the records are skipped instead of applied twice (or refused as duplicates).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockPartitions(String group, String topic, Collection<Integer> partitions) {
        partitions.stream().sorted().forEach(partition -> em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, group + "/" + topic + "/" + partition).getSingleResult());
    }

    /** Next offset to consume per partition, inside the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Integer, Long> load(String group, String topic) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT partition_no, next_offset FROM consumer_offset WHERE group_id = ?1 AND topic = ?2")
                .setParameter(1, group).setParameter(2, topic).getResultList();
        Map<Integer, Long> offsets = new HashMap<>();
        for (Object[] row : rows) {
            offsets.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
        }
        return offsets;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String group, String topic, Map<Integer, Long> nextOffsets, Instant now) {
        nextOffsets.forEach((partition, next) -> em.createNativeQuery("""
                INSERT INTO consumer_offset (group_id, topic, partition_no, next_offset, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (group_id, topic, partition_no)
                DO UPDATE SET next_offset = GREATEST(consumer_offset.next_offset, EXCLUDED.next_offset), updated_at = EXCLUDED.updated_at""")
                .setParameter(1, group).setParameter(2, topic).setParameter(3, partition).setParameter(4, next)
                .setParameter(5, now)
                .executeUpdate());
    }

    /** Outside any transaction (the rebalance listener runs on the Kafka polling thread). */
    public Map<Integer, Long> loadDirect(String group, String topic) throws SQLException {
        Map<Integer, Long> offsets = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT partition_no, next_offset FROM consumer_offset WHERE group_id = ? AND topic = ?")) {
            ps.setString(1, group);
            ps.setString(2, topic);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    offsets.put(rs.getInt(1), rs.getLong(2));
                }
            }
        }
        return offsets;
    }
}
