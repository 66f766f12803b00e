package io.continuity.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.events.AsRunRecorded;
import io.continuity.events.EventJson;
import io.continuity.events.OverrideRequested;
import io.continuity.events.Topic;
import io.continuity.ops.ServiceRuns;
import io.continuity.resolver.core.OverrideAction;
import io.continuity.testing.Db;
import io.continuity.testing.EmbeddedKafka;
import io.continuity.testing.EventCorpus;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.ServiceProcess;
import io.continuity.testing.TestDatabase;

/**
 * Exact replay at a later clock (docs/decisions.md 15). A live service runs at 60x speed from 10:40Z, with the reference
 * ChannelManager reporting as-run (and skipping some events, so reconciliation judges them MISSING and rotation gives
 * them again), overrides in the corpus and one applied live, and the horizon roll at the New York channels' day start
 * (11:00Z). A second service then rebuilds from offset 0 into an empty database with its clock ten days later: every
 * ScheduleDay version the live run published (ids, versions, creation times, causes, replaces_from, every event) comes
 * out identical, including the versions caused by the roll, by MISSING judgements and by the overrides.
 */
class LaterClockReplayIT {

    private static final Instant LIVE_CLOCK = Instant.parse("2026-11-23T10:40:00Z");
    private static final Instant REBUILD_CLOCK = LIVE_CLOCK.plus(Duration.ofDays(10));
    private static final String VERSIONS = """
            SELECT id::text AS id, channel_id::text AS channel, broadcast_day::text AS day, version, created_at, replaces_from_utc,
                   causes::text AS causes, day_start_utc, day_end_utc, seed
            FROM broadcast_schedule_day WHERE id = ANY (?::uuid[]) ORDER BY id""";
    private static final String EVENTS = """
            SELECT uuid::text AS uuid, schedule_day_id::text AS day, asset_uuid::text AS asset, kind, start_utc, end_utc, offset_ms,
                   override_id::text AS override_id, is_frozen, title
            FROM broadcast_playlog_event WHERE schedule_day_id = ANY (?::uuid[]) ORDER BY schedule_day_id, start_utc, uuid""";

    private static EmbeddedKafka kafka;
    private static Path logs;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start(0);
        logs = Files.createDirectories(Path.of("target", "it-logs"));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void aRebuildTenDaysLaterMakesEveryVersionTheLiveRunPublished() {
        EventCorpus corpus = new EventCorpus(77).catalog(6, 30).channels(4).overrides(2);
        try (TestDatabase first = TestDatabase.create("continuity_later_live");
                TestDatabase second = TestDatabase.create("continuity_later_rebuild");
                KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            Db live = ServiceRuns.db(first);
            UUID liveOverride = UUID.randomUUID();
            List<UUID> channels = corpus.records().stream().filter(r -> r.topic().equals(Topic.PLAN_EVENTS.topicName()))
                    .map(r -> UUID.fromString(r.key())).distinct().toList();
            // the reference ChannelManager plays every channel but one; that one reports a single as-run entry, so
            // reconciliation judges everything it planned after that MISSING, programmes included
            UUID silent = channels.get(1);
            Map<String, String> liveConfig = config(first, "later-live", LIVE_CLOCK, 60);
            liveConfig.put("continuity.simulator.enabled", "true");
            liveConfig.put("continuity.simulator.channels", channels.stream().filter(c -> !c.equals(silent))
                    .map(c -> "ch-" + c.toString().substring(0, 8)).collect(Collectors.joining(",")));
            liveConfig.put("continuity.simulator.faults.rate", "0.4");
            liveConfig.put("continuity.reconciliation.sweep-interval", "PT1S");
            try (ServiceProcess service = start("later-live", liveConfig)) {
                String overrideTopic = Topic.OVERRIDE_COMMANDS.topicName();
                corpus.records().stream().filter(r -> !r.topic().equals(overrideTopic)).forEach(client::send);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                        live.count("SELECT count(*) FROM channel") == 4
                        && live.count("SELECT count(*) FROM current_schedule_day") >= 4 * 5);
                Map<String, Object> aired = live.rows("""
                        SELECT uuid, asset_uuid, start_utc, end_utc FROM current_playlog_event
                        WHERE channel_id = ? AND asset_uuid IS NOT NULL AND start_utc >= timestamptz '2026-11-23T06:00:00Z'
                        ORDER BY start_utc LIMIT 1""", silent).get(0);
                client.send(silent.toString(), new AsRunRecorded(UUID.randomUUID(), silent, (UUID) aired.get("uuid"),
                        (UUID) aired.get("asset_uuid"), instant(aired.get("start_utc")), instant(aired.get("end_utc")), "AIRED", null, null));
                // the corpus's overrides once their channels are there (some land on days not resolved yet: kept)
                corpus.records().stream().filter(r -> r.topic().equals(overrideTopic)).forEach(client::send);
                // an override applied on its own, live (the corpus's were read while catching up)
                UUID channel = (UUID) live.value("SELECT id FROM channel ORDER BY id LIMIT 1");
                UUID movie = (UUID) live.value("SELECT uuid FROM catalog_asset WHERE kind = 'movie' ORDER BY uuid LIMIT 1");
                Instant news = Instant.parse("2026-11-23T15:10:00Z");
                client.send(channel.toString(), new OverrideRequested(liveOverride, channel, OverrideAction.INSERT, null, movie, news,
                        news.plus(Duration.ofMinutes(3)), OverrideAction.Resume.JOIN_IN_PROGRESS, "live breaking news", "newsdesk", null));
                // the roll at 11:00Z, a programme judged MISSING re-resolved, and the live override
                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        live.count("""
                                SELECT count(*) FROM broadcast_schedule_day WHERE causes::text LIKE '%horizon roll%' AND version = 1
                                  AND broadcast_day = date '2026-11-27' AND created_at >= timestamptz '2026-11-23T11:00:00Z'""") > 0
                        && live.count("SELECT count(*) FROM broadcast_schedule_day WHERE causes::text LIKE '%missing:%'") > 0
                        && live.count("SELECT count(*) FROM schedule_decision WHERE kind = 'OVERRIDE' AND override_id = ?", liveOverride) == 1
                        && live.count("SELECT count(*) FROM playlog_override WHERE status = 'APPLIED'") >= 1 + corpus.overrideCount() / 2);
                await().atMost(Duration.ofMinutes(1)).until(() -> live.count("SELECT count(*) FROM outbox WHERE published_at IS NULL") == 0);
            }
            // what reached the log: per channel, the time of its last recorded decision
            Map<UUID, Instant> recordedUntil = new HashMap<>();
            Set<UUID> recorded = new java.util.HashSet<>();
            List<ConsumerRecord<String, byte[]>> decisions = client.readAll(Topic.SCHEDULE_DECISIONS.topicName(), 100_000, Duration.ofSeconds(20));
            for (ConsumerRecord<String, byte[]> record : decisions) {
                JsonNode d = json(record.value());
                recorded.add(UUID.fromString(d.path("decision_id").asText()));
                recordedUntil.merge(UUID.fromString(d.path("channel_id").asText()), Instant.parse(d.path("decided_at").asText()),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
            assertThat(recorded).as("decisions recorded on the log").hasSizeGreaterThan(4);
            List<String> versionIds = live.rows("SELECT id::text AS id, channel_id, created_at FROM broadcast_schedule_day").stream()
                    .filter(r -> !instant(r.get("created_at")).isAfter(recordedUntil.getOrDefault((UUID) r.get("channel_id"), Instant.MIN)))
                    .map(r -> (String) r.get("id")).toList();
            String ids = versionIds.stream().collect(Collectors.joining(",", "{", "}"));
            List<Map<String, Object>> expectedVersions = live.rows(VERSIONS, ids);
            List<Map<String, Object>> expectedEvents = live.rows(EVENTS, ids);
            assertThat(expectedVersions).as("live versions the log accounts for").isNotEmpty()
                    .anySatisfy(v -> assertThat((String) v.get("causes")).contains("horizon roll"))
                    .anySatisfy(v -> assertThat((String) v.get("causes")).contains("missing:"))
                    .anySatisfy(v -> assertThat((String) v.get("causes")).contains("override:" + liveOverride));
            assertThat(expectedEvents).extracting(e -> e.get("override_id")).contains(liveOverride.toString());

            Db rebuilt = ServiceRuns.db(second);
            try (ServiceProcess service = start("later-rebuild", config(second, "later-rebuild", REBUILD_CLOCK, 1))) {
                String all = recorded.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() ->
                        rebuilt.count("SELECT count(*) FROM schedule_decision WHERE replayed AND decision_id = ANY (?::uuid[])", all)
                                == recorded.size());
                assertThat(rebuilt.rows(VERSIONS, ids)).as("every version the live run published, rebuilt ten days later")
                        .containsExactlyElementsOf(expectedVersions);
                assertThat(rebuilt.rows(EVENTS, ids)).as("their events").containsExactlyElementsOf(expectedEvents);
                System.out.printf("Rebuilt ten days later: %d recorded decisions replayed; %d versions and %d events identical%n",
                        recorded.size(), expectedVersions.size(), expectedEvents.size());
                // and the rebuild did run on its own, later clock: its horizon now starts ten days on
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                        rebuilt.count("SELECT count(*) FROM broadcast_schedule_day WHERE broadcast_day >= date '2026-12-03'") > 0);
            }
        }
    }

    private static Map<String, String> config(TestDatabase database, String group, Instant clock, int speed) {
        Map<String, String> config = new HashMap<>(ServiceRuns.config(kafka.bootstrapServers(), database, group));
        config.put("continuity.clock.start", clock.toString());
        config.put("continuity.clock.speed", String.valueOf(speed));
        return config;
    }

    private static ServiceProcess start(String name, Map<String, String> config) {
        ServiceProcess service = ServiceProcess.start(name, ServiceProcess.packagedJar(), ServiceProcess.freePort(), config,
                logs.resolve(name + ".log"));
        service.awaitReady(Duration.ofMinutes(2));
        return service;
    }

    private static JsonNode json(byte[] value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toInstant() : ((OffsetDateTime) value).toInstant();
    }
}
