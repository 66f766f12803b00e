package io.continuity.playlog;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hibernate.Session;
import org.postgresql.PGConnection;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.continuity.config.ContinuityConfig;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.DayPublished;
import io.continuity.events.EventJson;
import io.continuity.events.PlaylogEventPayload;
import io.continuity.messaging.Outbox;
import io.continuity.messaging.TransactionCommit;
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
    private final ScheduleCache cache;

    public ScheduleDayWriter(Outbox outbox, CloudEventCodec codec, ContinuityConfig config, ScheduleCache cache) {
        this.cache = cache;
        this.outbox = outbox;
        this.codec = codec;
        this.source = config.source();
    }

    /** A new version of a day: its content and why it was made. */
    public record DayVersion(ResolvedDay day, int seedGeneration, int frozenCount, Map<UUID, UUID> overrideOf, List<String> causes,
                             String decisionsJson) {

        /** A version resolved from the inputs; its decisions are the resolver's. */
        public static DayVersion resolved(ResolvedDay day, int seedGeneration, int frozenCount, Map<UUID, UUID> overrideOf,
                List<String> causes) {
            return new DayVersion(day, seedGeneration, frozenCount, overrideOf, causes, null);
        }
    }

    /**
     * Stores {@code version} as the day's next version, superseding {@code current} (kept for audit and as-of queries),
     * and enqueues its {@code day-published} record. {@code replaces_from_utc} is where the new version first differs.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BroadcastScheduleDayEntity write(DayVersion version, BroadcastScheduleDayEntity current, List<ResolvedEvent> currentEvents,
            Instant now) {
        ResolvedDay day = version.day();
        int number = current == null ? 1 : current.version + 1;
        if (current != null) {
            current.supersededAt = now;
            BroadcastScheduleDayEntity.getEntityManager().flush();
        }
        BroadcastScheduleDayEntity entity = new BroadcastScheduleDayEntity();
        entity.id = UUID.nameUUIDFromBytes((day.channelId() + "/" + day.broadcastDay() + "/v" + number).getBytes(StandardCharsets.UTF_8));
        entity.channelId = day.channelId();
        entity.broadcastDay = day.broadcastDay();
        entity.version = number;
        entity.planLineage = day.planLineage();
        entity.seed = day.seed();
        entity.seedGeneration = version.seedGeneration();
        entity.dayStartUtc = day.dayStart();
        entity.dayEndUtc = day.dayEnd();
        entity.replacesFromUtc = current == null ? null : firstDifference(currentEvents, day.events(), day.dayEnd());
        entity.decisions = version.decisionsJson() != null ? version.decisionsJson()
                : json(day.decisions().stream().map(ScheduleDayWriter::decision).toList());
        entity.causes = json(version.causes());
        entity.createdAt = now;
        entity.persist();
        BroadcastScheduleDayEntity.getEntityManager().flush(); // the day row first: the playlog rows reference it
        insertEvents(day.events(), entity, version.frozenCount(), version.overrideOf(), now);
        outbox.enqueue(codec.encode(published(day, entity), day.channelId().toString(), entity.id.toString(), now, source));
        // the other instances learn it from the database's notification (ScheduleChangeListener); this one at once
        TransactionCommit.after(() -> cache.changed(day.channelId()));
        return entity;
    }

    /** The start of the first event where {@code after} differs from {@code before} (the day end when it only got shorter). */
    static Instant firstDifference(List<ResolvedEvent> before, List<ResolvedEvent> after, Instant dayEnd) {
        int n = Math.min(before.size(), after.size());
        for (int i = 0; i < n; i++) {
            if (!before.get(i).equals(after.get(i))) {
                Instant a = before.get(i).start();
                Instant b = after.get(i).start();
                return a.isBefore(b) ? a : b;
            }
        }
        return n < after.size() ? after.get(n).start() : n < before.size() ? before.get(n).start() : dayEnd;
    }

    private static final String COPY_EVENTS = """
            COPY broadcast_playlog_event (uuid, channel_id, schedule_day_id, asset_uuid, kind, start_utc, end_utc, broadcast_day,
                offset_ms, assignment_id, plan_id, title, fallback, is_frozen, is_overridden, override_id, created_at)
            FROM STDIN (FORMAT text)""";

    /**
     * The day's playlog rows in one {@code COPY} on the transaction's connection (ids from the column default). Through
     * Hibernate each row was an entity to persist, flush and detach again, and a JDBC batch of INSERTs still had the
     * server plan and execute one statement per row; a rebuild writes hundreds of thousands of them (benchmark B2,
     * docs/benchmarks.md). The rows are never changed in this transaction, so nothing is lost.
     */
    private static void insertEvents(List<ResolvedEvent> events, BroadcastScheduleDayEntity day, int frozenCount,
            Map<UUID, UUID> overrideOf, Instant now) {
        StringBuilder rows = new StringBuilder(events.size() * 320);
        String created = now.toString();
        String broadcastDay = day.broadcastDay.toString();
        for (int i = 0; i < events.size(); i++) {
            ResolvedEvent e = events.get(i);
            rows.append(e.uuid()).append('\t').append(day.channelId).append('\t').append(day.id).append('\t');
            nullable(rows, e.assetUuid()).append('\t');
            rows.append(e.kind().name().toLowerCase(Locale.ROOT)).append('\t').append(e.start()).append('\t').append(e.end()).append('\t');
            rows.append(broadcastDay).append('\t').append(e.offsetMs()).append('\t');
            nullable(rows, e.assignmentId()).append('\t');
            nullable(rows, e.planId()).append('\t');
            text(rows, e.title()).append('\t');
            rows.append('{');
            List<UUID> fallback = e.fallback() == null ? List.of() : e.fallback();
            for (int f = 0; f < fallback.size(); f++) {
                rows.append(f == 0 ? "" : ",").append(fallback.get(f));
            }
            rows.append("}\t").append(i < frozenCount ? 't' : 'f').append("\tf\t");
            nullable(rows, overrideOf.get(e.uuid())).append('\t').append(created).append('\n');
        }
        Session session = BroadcastScheduleDayEntity.getEntityManager().unwrap(Session.class);
        session.doWork(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_EVENTS, new StringReader(rows.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static StringBuilder nullable(StringBuilder row, Object value) {
        return value == null ? row.append("\\N") : row.append(value);
    }

    /** A text column in COPY's text format: backslash, tab, newline and carriage return escaped; null as {@code \N}. */
    static StringBuilder text(StringBuilder row, String value) {
        if (value == null) {
            return row.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
        return row;
    }

    public static DayPublished published(ResolvedDay day, BroadcastScheduleDayEntity entity) {
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
