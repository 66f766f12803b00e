package io.continuity.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.continuity.events.OverrideRequested;
import io.continuity.ops.ServiceRuns;
import io.continuity.resolver.core.OverrideAction;
import io.continuity.testing.Db;
import io.continuity.testing.EmbeddedKafka;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.ScheduledChannel;
import io.continuity.testing.ServiceProcess;
import io.continuity.testing.TestDatabase;

/**
 * A rebuild keeps every override: overrides applied by a live service are read again from the log by a service that
 * rebuilds into an empty database; it keeps them until their channel is resolved, then applies them in log order, and
 * its current days carry exactly the events the live service's overrides made.
 */
class OverrideRebuildIT {

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
    void aRebuildFromTheLogAppliesEveryOverrideTheLiveRunApplied() {
        try (TestDatabase first = TestDatabase.create("continuity_override_live");
                TestDatabase second = TestDatabase.create("continuity_override_rebuild");
                KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            Db live = ServiceRuns.db(first);
            ScheduledChannel channel = new ScheduledChannel();
            List<UUID> overrides = List.of(UUID.randomUUID(), UUID.randomUUID());
            try (ServiceProcess service = start("override-live", first, "override-live")) {
                channel.publish(client, live);
                Map<String, Object> target = programmeAfter(live, channel.channelId, "30 hours");
                Map<String, Object> interrupted = programmeAfter(live, channel.channelId, "40 hours");
                Instant news = instant(interrupted.get("start_utc")).plus(Duration.ofMinutes(5));
                String key = channel.channelId.toString();
                // as the REST API publishes it: the target's window with it, so the log alone can apply it
                client.send(key, new OverrideRequested(overrides.get(0), channel.channelId, OverrideAction.REPLACE, (UUID) target.get("uuid"),
                        channel.special, instant(target.get("start_utc")), instant(target.get("end_utc")), null, "wrong episode", "ops", null));
                client.send(key, new OverrideRequested(overrides.get(1), channel.channelId, OverrideAction.INSERT, null, channel.special, news,
                        news.plus(Duration.ofMinutes(3)), OverrideAction.Resume.JOIN_IN_PROGRESS, "breaking news", "newsdesk", null));
                await().atMost(Duration.ofSeconds(60)).until(() -> live.count(
                        "SELECT count(*) FROM playlog_override WHERE id = ANY (?::uuid[]) AND status = 'APPLIED'", array(overrides)) == 2);
            }
            Db rebuilt = ServiceRuns.db(second);
            try (ServiceProcess service = start("override-rebuild", second, "override-rebuild")) {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> rebuilt.count(
                        "SELECT count(*) FROM playlog_override WHERE id = ANY (?::uuid[]) AND status <> 'PENDING'", array(overrides)) == 2
                        && rebuilt.count("SELECT count(*) FROM resolution_request") == 0);
            }
            assertThat(rebuilt.count("SELECT count(*) FROM playlog_override WHERE id = ANY (?::uuid[]) AND status = 'APPLIED'",
                    array(overrides))).as("overrides applied by the rebuild").isEqualTo(2);
            String made = """
                    SELECT uuid::text AS uuid, asset_uuid::text AS asset, start_utc, end_utc, override_id::text AS override_id
                    FROM current_playlog_event WHERE override_id = ANY (?::uuid[]) AND kind IN ('override', 'gap') ORDER BY start_utc""";
            List<Map<String, Object>> expected = live.rows(made, array(overrides));
            assertThat(expected).extracting(r -> r.get("override_id")).contains(overrides.get(0).toString(), overrides.get(1).toString());
            assertThat(rebuilt.rows(made, array(overrides))).as("the events the overrides made, live and rebuilt").isEqualTo(expected);
        }
    }

    private static Map<String, Object> programmeAfter(Db db, UUID channel, String interval) {
        return db.rows("""
                SELECT uuid, start_utc, end_utc FROM current_playlog_event
                WHERE channel_id = ? AND kind = 'program' AND start_utc > timestamptz '2026-11-23T07:00:00Z' + interval '%s'
                ORDER BY start_utc LIMIT 1""".formatted(interval), channel).get(0);
    }

    private static ServiceProcess start(String name, TestDatabase database, String group) {
        ServiceProcess service = ServiceProcess.start(name, ServiceProcess.packagedJar(), ServiceProcess.freePort(),
                ServiceRuns.config(kafka.bootstrapServers(), database, group), logs.resolve(name + ".log"));
        service.awaitReady(Duration.ofMinutes(2));
        return service;
    }

    private static String array(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toInstant() : ((OffsetDateTime) value).toInstant();
    }
}
