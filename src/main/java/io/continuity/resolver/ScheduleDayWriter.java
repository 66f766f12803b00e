package io.continuity.resolver;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.continuity.config.ContinuityConfig;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.DayPublished;
import io.continuity.events.EventJson;
import io.continuity.events.PlaylogEventPayload;
import io.continuity.messaging.Outbox;
import io.continuity.playlog.PlaylogMapping;
import io.continuity.playlog.BroadcastScheduleDayEntity;
import io.continuity.resolver.core.Decision;
import io.continuity.resolver.core.ResolvedDay;
import io.continuity.resolver.core.ResolvedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Stores a resolved day as a new ScheduleDay version (superseding the current one, which is kept), with its playlog
 * events, and puts the {@code day-published} record in the outbox — all in the caller's transaction.
 */
@ApplicationScoped
public class ScheduleDayWriter {

    private final Outbox outbox;
    private final CloudEventCodec codec;
    private final String source;

    public ScheduleDayWriter(Outbox outbox, CloudEventCodec codec, ContinuityConfig config) {
        this.outbox = outbox;
        this.codec = codec;
        this.source = config.source();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public BroadcastScheduleDayEntity write(ResolvedDay day, BroadcastScheduleDayEntity current, int frozenCount, int seedGeneration,
            Instant now) {
        int version = current == null ? 1 : current.version + 1;
        if (current != null) {
            current.supersededAt = now;
            BroadcastScheduleDayEntity.getEntityManager().flush();
        }
        BroadcastScheduleDayEntity entity = new BroadcastScheduleDayEntity();
        entity.id = UUID.nameUUIDFromBytes((day.channelId() + "/" + day.broadcastDay() + "/v" + version).getBytes(StandardCharsets.UTF_8));
        entity.channelId = day.channelId();
        entity.broadcastDay = day.broadcastDay();
        entity.version = version;
        entity.planLineage = day.planLineage();
        entity.seed = day.seed();
        entity.seedGeneration = seedGeneration;
        entity.dayStartUtc = day.dayStart();
        entity.dayEndUtc = day.dayEnd();
        entity.replacesFromUtc = current == null ? null
                : frozenCount < day.events().size() ? day.events().get(frozenCount).start() : day.dayEnd();
        entity.decisions = json(day.decisions().stream().map(ScheduleDayWriter::decision).toList());
        entity.createdAt = now;
        entity.persist();
        BroadcastScheduleDayEntity.getEntityManager().flush(); // the day row first: the playlog rows reference it
        insertEvents(day.events(), entity, frozenCount, now);
        outbox.enqueue(codec.encode(published(day, entity), day.channelId().toString(), entity.id.toString(), now, source));
        return entity;
    }

    private static final String INSERT_EVENT = """
            INSERT INTO broadcast_playlog_event (uuid, channel_id, schedule_day_id, asset_uuid, kind, start_utc, end_utc, broadcast_day,
                offset_ms, assignment_id, plan_id, title, fallback, is_frozen, is_overridden, override_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, null, ?)""";

    /**
     * The day's playlog rows in one JDBC batch on the transaction's connection (ids from the column default). Through
     * Hibernate each row was an entity to persist, flush and detach again; a rebuild writes hundreds of thousands of
     * them (benchmark B2, docs/benchmarks.md). The rows are never changed in this transaction, so nothing is lost.
     */
    private static void insertEvents(List<ResolvedEvent> events, BroadcastScheduleDayEntity day, int frozenCount, Instant now) {
        Session session = BroadcastScheduleDayEntity.getEntityManager().unwrap(Session.class);
        session.doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement(INSERT_EVENT)) {
                OffsetDateTime created = now.atOffset(ZoneOffset.UTC);
                String broadcastDay = day.broadcastDay.toString();
                for (int i = 0; i < events.size(); i++) {
                    ResolvedEvent e = events.get(i);
                    s.setObject(1, e.uuid());
                    s.setObject(2, day.channelId);
                    s.setObject(3, day.id);
                    s.setObject(4, e.assetUuid(), Types.OTHER);
                    s.setString(5, e.kind().name().toLowerCase(Locale.ROOT));
                    s.setObject(6, e.start().atOffset(ZoneOffset.UTC));
                    s.setObject(7, e.end().atOffset(ZoneOffset.UTC));
                    s.setString(8, broadcastDay);
                    s.setLong(9, e.offsetMs());
                    s.setObject(10, e.assignmentId(), Types.OTHER);
                    s.setObject(11, e.planId(), Types.OTHER);
                    s.setString(12, e.title());
                    s.setArray(13, connection.createArrayOf("uuid", (e.fallback() == null ? List.<UUID>of() : e.fallback()).toArray()));
                    s.setBoolean(14, i < frozenCount);
                    s.setObject(15, created);
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    static DayPublished published(ResolvedDay day, BroadcastScheduleDayEntity entity) {
        List<PlaylogEventPayload> events = day.events().stream().map(PlaylogMapping::toPayload).toList();
        return new DayPublished(day.channelId(), day.broadcastDay(), entity.id, entity.version, day.dayStart(), day.dayEnd(),
                entity.replacesFromUtc, events);
    }

    private static Map<String, Object> decision(Decision d) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("kind", d.kind().name());
        map.put("severity", d.severity().name());
        map.put("at", d.at() == null ? null : d.at().toString());
        map.put("assignment_id", d.assignmentId() == null ? null : d.assignmentId().toString());
        map.put("asset_uuid", d.assetUuid() == null ? null : d.assetUuid().toString());
        map.put("message", d.message());
        return map;
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
