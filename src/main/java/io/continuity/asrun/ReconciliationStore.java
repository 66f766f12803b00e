package io.continuity.asrun;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.query.NativeQuery;

import io.continuity.playlog.BroadcastPlaylogEventEntity;
import io.continuity.playlog.BroadcastScheduleDayEntity;
import io.continuity.playlog.CurrentSchedule;
import io.continuity.playlog.PlaylogMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Reconciliation's reads and writes: planned events of the current ScheduleDay versions, the as-run entries naming
 * them, and reconciliation_result rows written so that judging again changes nothing unless the verdict changed.
 * Everything runs in the caller's transaction, under the channel lock taken by {@link #lock(UUID)}.
 */
@ApplicationScoped
class ReconciliationStore {

    /** First key of the advisory locks that serialise reconciliation per channel ("asru"). */
    private static final int LOCK_CLASS = 0x61737275;
    /** The tables the reads below depend on: pending changes to them are flushed before a read, as for a JPQL query. */
    private static final List<Class<?>> READS = List.of(BroadcastPlaylogEventEntity.class, BroadcastScheduleDayEntity.class,
            AsRunLogEntryEntity.class, ReconciliationResultEntity.class);

    private final EntityManager em;
    private final CurrentSchedule current;

    ReconciliationStore(EntityManager em, CurrentSchedule current) {
        this.em = em;
        this.current = current;
    }

    /** Waits for, then holds until commit, the channel's reconciliation lock (other replicas included). */
    @Transactional(Transactional.TxType.MANDATORY)
    void lock(UUID channelId) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, ?2)").setParameter(1, LOCK_CLASS)
                .setParameter(2, channelId.hashCode()).getSingleResult();
    }

    Optional<PlannedEvent> plannedEvent(UUID channelId, UUID eventUuid) {
        return current.event(channelId, eventUuid).map(ReconciliationStore::planned);
    }

    /**
     * Judged events that ended in [from, before) and have no outcome yet, in airing order. Reconciliation of a channel
     * begins with its ChannelManager's first report: events that ended before any report (a channel whose playout is
     * not connected yet, or the time before the ChannelManager started) are not judged missing. An event lies inside
     * its day, so only the current days around [from, before) are read, however long the channel's history.
     */
    List<PlannedEvent> unjudgedEvents(UUID channelId, Instant from, Instant before) {
        return this.<BroadcastPlaylogEventEntity>list("""
                SELECT e.* FROM current_playlog_event e
                WHERE e.channel_id = ?1 AND e.kind <> 'gap' AND e.end_utc >= ?2 AND e.end_utc < ?3
                  AND e.day_start_utc < ?3 AND e.day_end_utc >= ?2
                  AND NOT EXISTS (SELECT 1 FROM reconciliation_result r WHERE r.playlog_event_uuid = e.uuid)
                  AND e.end_utc > (SELECT min(a.actual_start_utc) FROM as_run_log a WHERE a.channel_id = e.channel_id)
                ORDER BY e.start_utc""", BroadcastPlaylogEventEntity.class, channelId, from, before)
                .stream().map(ReconciliationStore::planned).toList();
    }

    List<AiredEntry> entriesOf(PlannedEvent event) {
        return AsRunLogEntryEntity.ofEvent(event.channelId(), event.uuid()).stream().map(AiredEntry::of).toList();
    }

    /**
     * Entries that ended since {@code from}, aired something, name no current playlog event and fall inside a current
     * ScheduleDay, yet were never judged EXTRA (they arrived before their day was resolved).
     */
    List<AiredEntry> unjudgedExtras(UUID channelId, Instant from) {
        return this.<AsRunLogEntryEntity>list("""
                SELECT a.* FROM as_run_log a
                WHERE a.channel_id = ?1 AND a.actual_end_utc >= ?2 AND a.status NOT IN ('SKIPPED', 'ERROR')
                  AND NOT EXISTS (SELECT 1 FROM reconciliation_result r WHERE r.as_run_id = a.id AND r.outcome = 'EXTRA')
                  AND (a.playlog_event_uuid IS NULL OR NOT EXISTS (SELECT 1 FROM current_playlog_event e
                       WHERE e.channel_id = a.channel_id AND e.uuid = a.playlog_event_uuid))
                  AND EXISTS (SELECT 1 FROM current_schedule_day d
                       WHERE d.channel_id = a.channel_id AND d.day_start_utc <= a.actual_start_utc AND d.day_end_utc > a.actual_start_utc)
                ORDER BY a.actual_start_utc""", AsRunLogEntryEntity.class, channelId, from).stream().map(AiredEntry::of).toList();
    }

    /** The broadcast day of the channel's current schedule that contains {@code at}, if one was resolved. */
    Optional<LocalDate> coveringDay(UUID channelId, Instant at) {
        return current.dayCovering(channelId, at).map(day -> day.broadcastDay);
    }

    /** Channels whose current schedule overlaps [from, before). */
    List<UUID> channelsScheduledBetween(Instant from, Instant before) {
        return current.channelsScheduledBetween(from, before);
    }

    /** Makes the stored outcomes of {@code event} exactly {@code findings}: stale outcomes go, changed ones are updated. */
    void replace(PlannedEvent event, List<Finding> findings, Instant now) {
        em.createNativeQuery("DELETE FROM reconciliation_result WHERE playlog_event_uuid = ?1 AND outcome <> ALL (?2)")
                .setParameter(1, event.uuid())
                .setParameter(2, findings.stream().map(f -> f.outcome().name()).toArray(String[]::new))
                .executeUpdate();
        for (Finding f : findings) {
            em.createNativeQuery("""
                    INSERT INTO reconciliation_result (channel_id, broadcast_day, playlog_event_uuid, as_run_id, outcome, planned_start_utc,
                                                       planned_end_utc, actual_start_utc, actual_end_utc, delta_ms, detail, checked_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                    ON CONFLICT (playlog_event_uuid, outcome) WHERE playlog_event_uuid IS NOT NULL DO UPDATE
                    SET as_run_id = EXCLUDED.as_run_id, actual_start_utc = EXCLUDED.actual_start_utc, actual_end_utc = EXCLUDED.actual_end_utc,
                        delta_ms = EXCLUDED.delta_ms, detail = EXCLUDED.detail, checked_at = EXCLUDED.checked_at
                    WHERE (reconciliation_result.as_run_id, reconciliation_result.actual_start_utc, reconciliation_result.actual_end_utc,
                           reconciliation_result.delta_ms, reconciliation_result.detail)
                          IS DISTINCT FROM (EXCLUDED.as_run_id, EXCLUDED.actual_start_utc, EXCLUDED.actual_end_utc, EXCLUDED.delta_ms,
                                            EXCLUDED.detail)""")
                    .setParameter(1, event.channelId()).setParameter(2, event.broadcastDay()).setParameter(3, event.uuid())
                    .setParameter(4, f.asRunId()).setParameter(5, f.outcome().name()).setParameter(6, event.start())
                    .setParameter(7, event.end()).setParameter(8, f.actualStart()).setParameter(9, f.actualEnd())
                    .setParameter(10, f.deltaMs()).setParameter(11, f.detail()).setParameter(12, now)
                    .executeUpdate();
        }
    }

    /** Stores an EXTRA outcome for the entry unless it has one; returns whether it was new. */
    boolean recordExtra(UUID channelId, LocalDate day, Finding extra, Instant now) {
        boolean known = !em.createNativeQuery("SELECT 1 FROM reconciliation_result WHERE as_run_id = ?1 AND outcome = 'EXTRA'")
                .setParameter(1, extra.asRunId()).getResultList().isEmpty();
        if (known) {
            return false;
        }
        em.createNativeQuery("""
                INSERT INTO reconciliation_result (channel_id, broadcast_day, as_run_id, outcome, actual_start_utc, actual_end_utc, detail,
                                                   checked_at)
                VALUES (?1, ?2, ?3, 'EXTRA', ?4, ?5, ?6, ?7)""")
                .setParameter(1, channelId).setParameter(2, day.toString()).setParameter(3, extra.asRunId())
                .setParameter(4, extra.actualStart()).setParameter(5, extra.actualEnd()).setParameter(6, extra.detail())
                .setParameter(7, now)
                .executeUpdate();
        return true;
    }

    private static PlannedEvent planned(BroadcastPlaylogEventEntity e) {
        return new PlannedEvent(e.uuid, e.channelId, e.assetUuid, PlaylogMapping.kind(e), e.startUtc, e.endUtc, e.broadcastDay);
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(String sql, Class<T> entity, Object... parameters) {
        Query query = em.createNativeQuery(sql, entity);
        NativeQuery<?> nativeQuery = query.unwrap(NativeQuery.class);
        READS.forEach(nativeQuery::addSynchronizedEntityClass);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }
}
