package io.continuity.asrun;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.continuity.playlog.BroadcastPlaylogEventEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
    private static final String CURRENT_EVENTS = """
            select e from BroadcastPlaylogEventEntity e, BroadcastScheduleDayEntity d
            where d.id = e.scheduleDayId and d.supersededAt is null and e.channelId = ?1""";

    private final EntityManager em;

    ReconciliationStore(EntityManager em) {
        this.em = em;
    }

    /** Waits for, then holds until commit, the channel's reconciliation lock (other replicas included). */
    @Transactional(Transactional.TxType.MANDATORY)
    void lock(UUID channelId) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, ?2)").setParameter(1, LOCK_CLASS)
                .setParameter(2, channelId.hashCode()).getSingleResult();
    }

    Optional<PlannedEvent> plannedEvent(UUID channelId, UUID eventUuid) {
        return BroadcastPlaylogEventEntity.<BroadcastPlaylogEventEntity>find(CURRENT_EVENTS + " and e.uuid = ?2", channelId, eventUuid)
                .firstResultOptional().map(ReconciliationStore::planned);
    }

    /**
     * Judged events that ended in [from, before) and have no outcome yet, in airing order. Reconciliation of a channel
     * begins with its ChannelManager's first report: events that ended before any report (a channel whose playout is
     * not connected yet, or the time before the ChannelManager started) are not judged missing. An event lies inside
     * its day, so only the current days around [from, before) are read, however long the channel's history.
     */
    List<PlannedEvent> unjudgedEvents(UUID channelId, Instant from, Instant before) {
        return BroadcastPlaylogEventEntity.<BroadcastPlaylogEventEntity>find(CURRENT_EVENTS + """
                 and e.kind <> 'gap' and e.endUtc >= ?2 and e.endUtc < ?3
                 and d.channelId = ?1 and d.dayStartUtc < ?3 and d.dayEndUtc >= ?2
                 and not exists (select 1 from ReconciliationResultEntity r where r.playlogEventUuid = e.uuid)
                 and e.endUtc > (select min(a.actualStartUtc) from AsRunLogEntryEntity a where a.channelId = e.channelId)
                order by e.startUtc""", channelId, from, before).stream().map(ReconciliationStore::planned).toList();
    }

    List<AiredEntry> entriesOf(PlannedEvent event) {
        return AsRunLogEntryEntity.ofEvent(event.channelId(), event.uuid()).stream().map(AiredEntry::of).toList();
    }

    /**
     * Entries that ended since {@code from}, aired something, name no current playlog event and fall inside a current
     * ScheduleDay, yet were never judged EXTRA (they arrived before their day was resolved).
     */
    List<AiredEntry> unjudgedExtras(UUID channelId, Instant from) {
        return AsRunLogEntryEntity.<AsRunLogEntryEntity>find("""
                select a from AsRunLogEntryEntity a where a.channelId = ?1 and a.actualEndUtc >= ?2 and a.status not in ('SKIPPED', 'ERROR')
                 and not exists (select 1 from ReconciliationResultEntity r where r.asRunId = a.id and r.outcome = 'EXTRA')
                 and (a.playlogEventUuid is null or not exists (select 1 from BroadcastPlaylogEventEntity e, BroadcastScheduleDayEntity d
                      where d.id = e.scheduleDayId and d.supersededAt is null and e.channelId = a.channelId and e.uuid = a.playlogEventUuid))
                 and exists (select 1 from BroadcastScheduleDayEntity d where d.channelId = a.channelId and d.supersededAt is null
                      and d.dayStartUtc <= a.actualStartUtc and d.dayEndUtc > a.actualStartUtc)
                order by a.actualStartUtc""", channelId, from).stream().map(AiredEntry::of).toList();
    }

    /** The broadcast day of the channel's current schedule that contains {@code at}, if one was resolved. */
    Optional<LocalDate> coveringDay(UUID channelId, Instant at) {
        return em.createQuery("""
                select d.broadcastDay from BroadcastScheduleDayEntity d
                where d.channelId = ?1 and d.supersededAt is null and d.dayStartUtc <= ?2 and d.dayEndUtc > ?2""", LocalDate.class)
                .setParameter(1, channelId).setParameter(2, at).getResultStream().findFirst();
    }

    /** Channels whose current schedule overlaps [from, before). */
    @SuppressWarnings("unchecked")
    List<UUID> channelsScheduledBetween(Instant from, Instant before) {
        return em.createNativeQuery("""
                SELECT DISTINCT channel_id FROM broadcast_schedule_day
                WHERE superseded_at IS NULL AND day_start_utc < ?2 AND day_end_utc > ?1 ORDER BY channel_id""", UUID.class)
                .setParameter(1, from).setParameter(2, before).getResultList();
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
        return new PlannedEvent(e.uuid, e.channelId, e.assetUuid, e.kind, e.startUtc, e.endUtc, e.broadcastDay);
    }
}
