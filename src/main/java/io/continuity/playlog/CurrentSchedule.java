package io.continuity.playlog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.query.NativeQuery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The one reader of "which ScheduleDay version is current": every other package asks here, or reads the views
 * {@code current_schedule_day} and {@code current_playlog_event} (migration V4), which are where the rule is spelled
 * out. A version is current until a newer version of its day supersedes it; a current event belongs to a current
 * version and was not superseded by an override. Queries run in the caller's transaction and see its pending changes
 * to the playlog tables (they are flushed first, as for a JPQL query on the entities).
 */
@ApplicationScoped
public class CurrentSchedule {

    private final EntityManager em;

    public CurrentSchedule(EntityManager em) {
        this.em = em;
    }

    /** The current version of the channel's broadcast day, if it was resolved. */
    public Optional<BroadcastScheduleDayEntity> day(UUID channelId, LocalDate day) {
        return days("SELECT * FROM current_schedule_day WHERE channel_id = ?1 AND broadcast_day = ?2", channelId, day).stream().findFirst();
    }

    /** The current version of the channel's day that contains {@code at}, if one was resolved. */
    public Optional<BroadcastScheduleDayEntity> dayCovering(UUID channelId, Instant at) {
        return days("SELECT * FROM current_schedule_day WHERE channel_id = ?1 AND day_start_utc <= ?2 AND day_end_utc > ?2", channelId, at)
                .stream().findFirst();
    }

    /** The version of the channel's day that was current at {@code asOf}: made by then and not yet superseded then. */
    public Optional<BroadcastScheduleDayEntity> dayAsOf(UUID channelId, LocalDate day, Instant asOf) {
        return days("""
                SELECT * FROM broadcast_schedule_day WHERE channel_id = ?1 AND broadcast_day = ?2 AND created_at <= ?3
                  AND (superseded_at IS NULL OR superseded_at > ?3) ORDER BY version DESC LIMIT 1""", channelId, day, asOf)
                .stream().findFirst();
    }

    /** The broadcast days from {@code from} on whose current version was resolved from {@code planId}, in date order. */
    public List<LocalDate> daysFromPlan(UUID channelId, LocalDate from, UUID planId) {
        List<?> days = query("""
                SELECT broadcast_day FROM current_schedule_day
                WHERE channel_id = ?1 AND broadcast_day >= ?2 AND ?3 = ANY (plan_lineage) ORDER BY broadcast_day""", channelId, from, planId)
                .getResultList();
        return days.stream().map(d -> d instanceof LocalDate l ? l : ((java.sql.Date) d).toLocalDate()).toList();
    }

    /** The current (not overridden) event {@code eventUuid} of the channel, if a current version holds it. */
    public Optional<BroadcastPlaylogEventEntity> event(UUID channelId, UUID eventUuid) {
        Query query = query("SELECT * FROM current_playlog_event WHERE channel_id = ?1 AND uuid = ?2", BroadcastPlaylogEventEntity.class,
                channelId, eventUuid);
        @SuppressWarnings("unchecked")
        List<BroadcastPlaylogEventEntity> events = query.getResultList();
        return events.stream().findFirst();
    }

    /** The asset each of the channel's current events in {@code eventUuids} plays (none for a gap), by event uuid. */
    public Map<UUID, UUID> assetsOf(UUID channelId, Collection<UUID> eventUuids) {
        Map<UUID, UUID> assets = new HashMap<>();
        if (eventUuids.isEmpty()) {
            return assets;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("SELECT uuid, asset_uuid FROM current_playlog_event WHERE channel_id = ?1 AND uuid = ANY (?2)", channelId,
                eventUuids.toArray(UUID[]::new)).getResultList();
        rows.forEach(row -> assets.put((UUID) row[0], (UUID) row[1]));
        return assets;
    }

    /** How far each channel's current schedule reaches: the end of its last current day, by channel. */
    public Map<UUID, Instant> coverage() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("SELECT channel_id, max(day_end_utc) FROM current_schedule_day GROUP BY channel_id").getResultList();
        Map<UUID, Instant> coveredUntil = new HashMap<>();
        rows.forEach(row -> coveredUntil.put((UUID) row[0], instant(row[1])));
        return coveredUntil;
    }

    /** Channels whose current schedule overlaps [from, before), by id. */
    public List<UUID> channelsScheduledBetween(Instant from, Instant before) {
        @SuppressWarnings("unchecked")
        List<UUID> channels = query("""
                SELECT DISTINCT channel_id FROM current_schedule_day WHERE day_start_utc < ?2 AND day_end_utc > ?1 ORDER BY channel_id""",
                UUID.class, from, before).getResultList();
        return channels;
    }

    /**
     * The first {@code limit} current (not overridden) events of any channel that play {@code assetUuid} and end after {@code from}.
     * The asset's events ending after {@code from} are read first (index {@code broadcast_playlog_event_asset_end_idx}, V10) and
     * then ordered: left to itself, PostgreSQL walked every channel's whole history in start order for an asset that airs often.
     */
    public List<BroadcastPlaylogEventEntity> upcomingOfAsset(UUID assetUuid, Instant from, int limit) {
        @SuppressWarnings("unchecked")
        List<BroadcastPlaylogEventEntity> events = query("""
                WITH upcoming AS MATERIALIZED (SELECT * FROM current_playlog_event WHERE asset_uuid = ?1 AND end_utc > ?2)
                SELECT * FROM upcoming ORDER BY start_utc, channel_id LIMIT ?3""",
                BroadcastPlaylogEventEntity.class, assetUuid, from, limit).getResultList();
        return events;
    }

    private List<BroadcastScheduleDayEntity> days(String sql, Object... parameters) {
        @SuppressWarnings("unchecked")
        List<BroadcastScheduleDayEntity> days = query(sql, BroadcastScheduleDayEntity.class, parameters).getResultList();
        return days;
    }

    private Query query(String sql, Object... parameters) {
        return bind(em.createNativeQuery(sql), parameters);
    }

    private Query query(String sql, Class<?> resultClass, Object... parameters) {
        return bind(em.createNativeQuery(sql, resultClass), parameters);
    }

    /** Binds positional parameters and declares the playlog tables the views read, so pending changes to them are flushed first. */
    private static Query bind(Query query, Object... parameters) {
        query.unwrap(NativeQuery.class).addSynchronizedEntityClass(BroadcastScheduleDayEntity.class)
                .addSynchronizedEntityClass(BroadcastPlaylogEventEntity.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : value instanceof OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }
}
