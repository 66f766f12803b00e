package io.continuity.resolver;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.continuity.messaging.Commands;
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

    /** The columns {@link #pending(Object[])} reads, in its order. */
    private static final String PENDING_COLUMNS =
            "channel_id, requested_at, reason, traceparent, CAST(days AS text), CAST(to_json(causes) AS text), urgent";

    private final EntityManager em;
    private final PartitionTracker partitions;

    public ResolutionRequests(EntityManager em, PartitionTracker partitions) {
        this.em = em;
        this.partitions = partitions;
    }

    /** Which queue a request waits in: urgent requests are resolved before any bulk request, whatever their age. */
    public enum Lane {
        /** A change made to one channel's plans or settings: someone is waiting to see it. */
        URGENT,
        /** A horizon roll or a change that may touch many channels (the catalog). */
        BULK
    }

    /** Most input event ids kept on one request (the newest); a version names at most these as its causes. */
    static final int MAX_CAUSES = 50;

    /** A pending request: the channel, when it was last asked for, why, which days (null: all), which inputs, and its lane. */
    public record Pending(UUID channelId, Instant requestedAt, String reason, String traceparent, Set<LocalDate> days, List<String> causes,
            Lane lane) {

        /** The resolution scope this request asks for. */
        public ChannelResolution.Scope scope() {
            return new ChannelResolution.Scope(requestedAt, reason, days, causes);
        }
    }

    /** Asks for the resolution of every day of the channel's horizon. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(UUID channelId, int planPartition, String reason, Instant at) {
        request(channelId, planPartition, reason, at, null, List.of());
    }

    /**
     * Asks for the channel's resolution, keeping the current trace context so the resolution continues that trace.
     *
     * @param days  the broadcast days the change can affect; null for every day of the horizon. Requests coalesce:
     *              the days add up, and one request for every day makes the coalesced one cover every day.
     * @param causes the inputs behind the request (e.g. {@code "catalog:<ce_id>"}), recorded on the versions it makes
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(UUID channelId, int planPartition, String reason, Instant at, Collection<LocalDate> days, List<String> causes) {
        request(channelId, planPartition, reason, at, days, causes, Tracing.currentTraceparent(), Lane.BULK);
    }

    /**
     * As {@link #request(UUID, int, String, Instant, Collection, List)}, continuing the trace {@code traceparent} (may be
     * null), in {@code lane}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(UUID channelId, int planPartition, String reason, Instant at, Collection<LocalDate> days, List<String> causes,
            String traceparent, Lane lane) {
        em.createNativeQuery("""
                INSERT INTO resolution_request (channel_id, partition_no, reason, requested_at, traceparent, days, causes, urgent)
                VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS date[]), CAST(?7 AS text[]), ?9)
                ON CONFLICT (channel_id) DO UPDATE SET reason = EXCLUDED.reason, requested_at = EXCLUDED.requested_at,
                    urgent = resolution_request.urgent OR EXCLUDED.urgent,
                    traceparent = coalesce(EXCLUDED.traceparent, resolution_request.traceparent),
                    days = CASE WHEN resolution_request.days IS NULL OR EXCLUDED.days IS NULL THEN NULL
                                ELSE ARRAY(SELECT DISTINCT unnest(resolution_request.days || EXCLUDED.days) ORDER BY 1) END,
                    causes = (resolution_request.causes || EXCLUDED.causes)[greatest(1, cardinality(resolution_request.causes || EXCLUDED.causes) - ?8 + 1):]""")
                .setParameter(1, channelId).setParameter(2, planPartition).setParameter(3, reason).setParameter(4, at)
                .setParameter(5, traceparent)
                .setParameter(6, days == null ? null : "{" + String.join(",", days.stream().map(LocalDate::toString).sorted().toList()) + "}")
                .setParameter(7, textArray(causes.size() > MAX_CAUSES ? causes.subList(causes.size() - MAX_CAUSES, causes.size()) : causes))
                .setParameter(8, MAX_CAUSES).setParameter(9, lane == Lane.URGENT).executeUpdate();
    }

    /**
     * Asks for the resolution of every day of the horizon of each of {@code channels} (channel id → its plan partition),
     * in the bulk lane, in one statement per thousand channels: a horizon roll of 10,000 channels was 10,000 statements.
     * Coalesces with waiting requests as {@link #request(UUID, int, String, Instant)} does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestEach(java.util.Map<UUID, Integer> channels, String reason, Instant at) {
        List<java.util.Map.Entry<UUID, Integer>> all = List.copyOf(channels.entrySet());
        String traceparent = Tracing.currentTraceparent();
        for (int from = 0; from < all.size(); from += 1000) {
            List<java.util.Map.Entry<UUID, Integer>> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            em.createNativeQuery("""
                    INSERT INTO resolution_request (channel_id, partition_no, reason, requested_at, traceparent, days, causes, urgent)
                    SELECT c, p, ?3, ?4, ?5, NULL, '{}', false FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS int[])) AS t(c, p)
                    ON CONFLICT (channel_id) DO UPDATE SET reason = EXCLUDED.reason, requested_at = EXCLUDED.requested_at,
                        traceparent = coalesce(EXCLUDED.traceparent, resolution_request.traceparent), days = NULL""")
                    .setParameter(1, chunk.stream().map(e -> e.getKey().toString()).collect(java.util.stream.Collectors.joining(",", "{", "}")))
                    .setParameter(2, chunk.stream().map(e -> e.getValue().toString()).collect(java.util.stream.Collectors.joining(",", "{", "}")))
                    .setParameter(3, reason).setParameter(4, at).setParameter(5, traceparent).executeUpdate();
        }
    }

    /** Every live channel, e.g. after a change every channel's schedule may depend on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestAll(String reason, Instant at) {
        @SuppressWarnings("unchecked")
        List<UUID> channels = em.createNativeQuery("SELECT id FROM channel WHERE NOT is_retired ORDER BY id", UUID.class).getResultList();
        java.util.Map<UUID, Integer> each = new java.util.LinkedHashMap<>();
        channels.forEach(id -> each.put(id, partitions.planPartitionOf(id)));
        requestEach(each, reason, at);
    }

    /** Requests for channels on the given plan-events partitions: urgent ones first, then oldest first. */
    @Transactional
    public List<Pending> pending(Set<Integer> ownedPartitions, int limit) {
        if (ownedPartitions.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + PENDING_COLUMNS + """
                 FROM resolution_request
                WHERE partition_no = ANY (?1) ORDER BY urgent DESC, requested_at, channel_id LIMIT ?2""")
                .setParameter(1, ownedPartitions.toArray(Integer[]::new)).setParameter(2, limit).getResultList();
        return rows.stream().map(ResolutionRequests::pending).toList();
    }

    private static Pending pending(Object[] r) {
        return new Pending((UUID) r[0], Commands.instant(r[1]), (String) r[2], (String) r[3], days((String) r[4]), causes((String) r[5]),
                Boolean.TRUE.equals(r[6]) ? Lane.URGENT : Lane.BULK);
    }

    /**
     * The channel's request as the calling transaction's snapshot sees it, or null. A resolution reads it inside its
     * repeatable-read snapshot: an input whose projection that snapshot already sees is on this row too (both are written
     * in one transaction), so the versions the resolution makes name it as a cause, even when it arrived after the
     * request the resolution was started for.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Pending seenBy(UUID channelId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + PENDING_COLUMNS + " FROM resolution_request WHERE channel_id = ?1")
                .setParameter(1, channelId).getResultList();
        return rows.stream().findFirst().map(ResolutionRequests::pending).orElse(null);
    }

    private static List<String> causes(String json) {
        try {
            return json == null ? List.of() : List.of(io.continuity.events.EventJson.mapper().readValue(json, String[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textArray(List<String> values) {
        return values.stream().map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private static Set<LocalDate> days(String array) {
        if (array == null) {
            return null;
        }
        String inner = array.substring(1, array.length() - 1);
        return inner.isEmpty() ? Set.of() : java.util.Arrays.stream(inner.split(",")).map(LocalDate::parse)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Removes every request of the channel: a replayed decision made what the live run made for them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cleared(UUID channelId) {
        em.createNativeQuery("DELETE FROM resolution_request WHERE channel_id = ?1").setParameter(1, channelId).executeUpdate();
    }

    /**
     * Removes the request if nothing newer arrived since {@code seen}; in its own transaction after the resolution
     * (whose repeatable-read snapshot would conflict with requests that arrived meanwhile).
     */
    @Transactional
    public void done(UUID channelId, Instant seen) {
        em.createNativeQuery("DELETE FROM resolution_request WHERE channel_id = ?1 AND requested_at <= ?2")
                .setParameter(1, channelId).setParameter(2, seen).executeUpdate();
    }
}
