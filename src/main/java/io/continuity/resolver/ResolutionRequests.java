package io.continuity.resolver;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.continuity.messaging.PartitionTracker;
import io.continuity.tracing.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The queue of channels whose horizon must be resolved again. A request is written in the transaction of the change
 * that needs it, so a committed change can never miss its resolution; requests for one channel coalesce.
 */
@ApplicationScoped
public class ResolutionRequests {

    private final EntityManager em;
    private final PartitionTracker partitions;

    public ResolutionRequests(EntityManager em, PartitionTracker partitions) {
        this.em = em;
        this.partitions = partitions;
    }

    /** Asks for the channel's resolution, keeping the current trace context so the resolution continues that trace. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(UUID channelId, int planPartition, String reason, Instant at) {
        em.createNativeQuery("""
                INSERT INTO resolution_request (channel_id, partition_no, reason, requested_at, traceparent) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (channel_id) DO UPDATE SET reason = EXCLUDED.reason, requested_at = EXCLUDED.requested_at,
                    traceparent = coalesce(EXCLUDED.traceparent, resolution_request.traceparent)""")
                .setParameter(1, channelId).setParameter(2, planPartition).setParameter(3, reason).setParameter(4, at)
                .setParameter(5, Tracing.currentTraceparent()).executeUpdate();
    }

    /** Every live channel, e.g. after a catalog change that may alter what rules and series select. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestAll(String reason, Instant at) {
        @SuppressWarnings("unchecked")
        List<UUID> channels = em.createNativeQuery("SELECT id FROM channel WHERE NOT is_retired ORDER BY id", UUID.class).getResultList();
        channels.forEach(id -> request(id, partitions.planPartitionOf(id), reason, at));
    }

    /** Requests for channels on the given plan-events partitions, oldest first: channel, requested at, reason, traceparent. */
    @Transactional
    public List<Object[]> pending(Set<Integer> ownedPartitions, int limit) {
        if (ownedPartitions.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT channel_id, requested_at, reason, traceparent FROM resolution_request WHERE partition_no = ANY (?1)
                ORDER BY requested_at, channel_id LIMIT ?2""")
                .setParameter(1, ownedPartitions.toArray(Integer[]::new)).setParameter(2, limit).getResultList();
        return rows;
    }

    /** Removes the request if nothing newer arrived since {@code seen}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void done(UUID channelId, Instant seen) {
        em.createNativeQuery("DELETE FROM resolution_request WHERE channel_id = ?1 AND requested_at <= ?2")
                .setParameter(1, channelId).setParameter(2, seen).executeUpdate();
    }
}
