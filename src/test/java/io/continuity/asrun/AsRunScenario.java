package io.continuity.asrun;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.continuity.events.AsRunRecorded;
import io.continuity.events.AssetUpserted;
import io.continuity.events.AssignmentAdded;
import io.continuity.events.ChannelConfigured;
import io.continuity.events.EventJson;
import io.continuity.events.PlanCreated;
import io.continuity.resolver.core.AssetKind;
import io.continuity.resolver.core.ContentType;
import io.continuity.testing.Db;
import io.continuity.testing.KafkaTestClient;

/**
 * One channel of its own for an as-run test: UTC, 30-minute grid, programming day from 06:00 UTC, a catalog only it
 * uses (its filler rule selects only its own promos, its default programming only its own movies), optionally an
 * every-day plan, and as-run records for its events. With the test clock at 2026-11-23T07:00Z the first hour of
 * broadcast day 2026-11-23 has already aired.
 */
final class AsRunScenario {

    static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    final UUID channel = UUID.randomUUID();
    final String key = channel.toString();
    private final String tag = "t" + channel.toString().substring(0, 8);
    private final UUID plan = UUID.randomUUID();
    private final KafkaTestClient kafka;
    private final Db db;
    private final List<UUID> assets = new ArrayList<>();

    /** A playlog event of a current ScheduleDay version. */
    record Event(UUID uuid, UUID asset, String kind, Instant start, Instant end, UUID assignment) {
    }

    AsRunScenario(KafkaTestClient kafka, Db db) {
        this.kafka = kafka;
        this.db = db;
    }

    /** Promos of {@code duration}: the channel's whole filler pool. */
    List<UUID> promos(int count, Duration duration) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(asset(AssetKind.PROMO, "Promo " + i, duration, tag + "-promo"));
        }
        return ids;
    }

    /** Movies of {@code duration} tagged {@code group}, for rule assignments. */
    List<UUID> movies(String group, int count, Duration duration) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(asset(AssetKind.MOVIE, group + " movie " + (char) ('A' + i), duration, tag + "-" + group));
        }
        return ids;
    }

    AssignmentAdded movieAssignment(String start, int minutes, String group, Map<String, Object> playbackRules) {
        return new AssignmentAdded(UUID.randomUUID(), plan, channel, start, minutes, ContentType.RULE,
                EventJson.mapper().valueToTree(Map.of("kind", "movie", "tags", List.of(tag + "-" + group))), null, null, playbackRules, null,
                null);
    }

    /**
     * Waits until the catalog is ingested, then configures the channel with {@code defaultGroup}'s movies as default
     * programming (what fills unassigned time, already in the first version of today, which freezes the hour that has
     * aired) and, when there are any, an every-day plan with {@code assignments}.
     */
    void configure(String defaultGroup, AssignmentAdded... assignments) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.count("SELECT count(*) FROM catalog_asset WHERE uuid = ANY (?)", (Object) assets.toArray(UUID[]::new))
                        == assets.size());
        List<io.continuity.events.ContinuityEvent> records = new ArrayList<>();
        records.add(new ChannelConfigured(channel, "ch-" + tag, "As-run " + tag, "UTC", 30, List.of(0, 30), "06:00",
                Map.of("kind", "promo", "tags", List.of(tag + "-promo")),
                new ChannelConfigured.DefaultProgramming(ContentType.RULE, Map.of("kind", "movie", "tags", List.of(tag + "-" + defaultGroup))), null));
        if (assignments.length > 0) {
            records.add(new PlanCreated(plan, channel, "Every day", 10, "* * * * *", null, null, true, null));
        }
        records.addAll(List.of(assignments));
        // one batch: the channel's first version already holds its plan (its first, already aired hour is frozen)
        kafka.sendTogether(key, records);
    }

    /** The events of the current version of {@code day}, once it exists. */
    List<Event> awaitDay(LocalDate day) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !events(day).isEmpty());
        return events(day);
    }

    List<Event> events(LocalDate day) {
        return db.rows("""
                SELECT e.uuid, e.asset_uuid, e.kind, e.start_utc, e.end_utc, e.assignment_id FROM broadcast_playlog_event e
                JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id AND d.superseded_at IS NULL
                WHERE e.channel_id = ? AND d.broadcast_day = ? ORDER BY e.start_utc""", channel, day).stream()
                .map(r -> new Event((UUID) r.get("uuid"), (UUID) r.get("asset_uuid"), (String) r.get("kind"), instant(r.get("start_utc")),
                        instant(r.get("end_utc")), (UUID) r.get("assignment_id")))
                .toList();
    }

    /** An as-run entry for {@code event} (null: naming none) with a fresh asrun_id. */
    AsRunRecorded asRun(UUID event, UUID asset, Instant start, Instant end, String status, String reason) {
        return new AsRunRecorded(UUID.randomUUID(), channel, event, asset, start, end, status, reason, null);
    }

    /** An entry reporting that {@code event} aired exactly as planned. */
    AsRunRecorded asPlanned(Event event) {
        return asRun(event.uuid(), event.asset(), event.start(), event.end(), "AIRED", null);
    }

    String send(AsRunRecorded entry) {
        return kafka.send(key, entry);
    }

    private UUID asset(AssetKind kind, String title, Duration duration, String assetTag) {
        UUID id = UUID.randomUUID();
        assets.add(id);
        kafka.send(id.toString(), new AssetUpserted(id, title, kind, duration.toMillis(), null, null, null, null, null, null, null, null, null,
                List.of(assetTag), null, "ready", true, false, null));
        return id;
    }

    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toInstant() : ((OffsetDateTime) value).toInstant();
    }
}
