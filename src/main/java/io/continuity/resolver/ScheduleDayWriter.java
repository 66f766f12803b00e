package io.continuity.resolver;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.continuity.config.ContinuityConfig;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.DayPublished;
import io.continuity.events.EventJson;
import io.continuity.events.PlaylogEventPayload;
import io.continuity.messaging.Outbox;
import io.continuity.playlog.BroadcastPlaylogEventEntity;
import io.continuity.playlog.PlaylogMapping;
import io.continuity.playlog.BroadcastScheduleDayEntity;
import io.continuity.resolver.core.Decision;
import io.continuity.resolver.core.ResolvedDay;
import io.continuity.resolver.core.ResolvedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
        List<ResolvedEvent> events = day.events();
        List<BroadcastPlaylogEventEntity> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            BroadcastPlaylogEventEntity row = PlaylogMapping.toEntity(events.get(i), entity, i < frozenCount, null, now);
            row.persist();
            rows.add(row);
        }
        outbox.enqueue(codec.encode(published(day, entity), day.channelId().toString(), entity.id.toString(), now, source));
        detachWritten(rows);
        return entity;
    }

    /**
     * The rows are inserted and never changed again in this transaction; kept managed, every later flush of a
     * multi-day resolution (each query flushes first) would dirty-check all rows written so far, which made that
     * check grow with every day and dominate the resolution's time (benchmark B2, docs/benchmarks.md).
     */
    private static void detachWritten(List<BroadcastPlaylogEventEntity> rows) {
        EntityManager em = BroadcastPlaylogEventEntity.getEntityManager();
        em.flush();
        rows.forEach(em::detach);
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
