package io.continuity.simulator;

import static io.continuity.testing.Tokens.asScheduler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.continuity.events.AsRunRecorded;
import io.continuity.events.EventJson;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.ScheduledChannel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** The reference ChannelManager plays a channel on an accelerated clock and reports every event as aired on time. */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
@TestProfile(ReferenceChannelManagerTest.Accelerated.class)
class ReferenceChannelManagerTest {

    static final UUID CHANNEL = UUID.fromString("5e1e0000-0000-4000-8000-000000000001");

    /** Five simulated minutes per second, with the reference ChannelManager playing one channel. */
    public static class Accelerated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("continuity.clock.speed", "300", "continuity.simulator.enabled", "true",
                    "continuity.simulator.channels", "ch-5e1e0000", "continuity.simulator.tick", "PT0.1S");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void playsTheChannelAndReportsEveryEventAtItsPlannedTimes() {
        try (KafkaTestClient kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers())) {
            ScheduledChannel channel = new ScheduledChannel(CHANNEL).publish(kafka, new Db(dataSource));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> asRun(kafka).size() >= 12);
            List<AsRunRecorded> reported = asRun(kafka);
            Db db = new Db(dataSource);
            List<AsRunRecorded> joined = reported.stream().filter(r -> r.reason() != null && r.reason().startsWith("joined in progress")).toList();
            assertThat(joined).as("only the event on air when playout began is joined in progress").hasSizeLessThanOrEqualTo(1);
            List<AsRunRecorded> onTime = reported.stream().filter(r -> !joined.contains(r)).toList();
            assertThat(onTime).allSatisfy(r -> {
                // the event as Continuity published it (any ScheduleDay version: a later version may have been published since)
                List<Map<String, Object>> planned = db.rows("SELECT asset_uuid, start_utc, end_utc FROM broadcast_playlog_event WHERE uuid = ?",
                        r.playlogEventUuid());
                assertThat(planned).as("as-run %s names a published playlog event", r).isNotEmpty();
                assertThat(r.status()).isEqualTo("AIRED");
                assertThat(planned).anySatisfy(p -> {
                    assertThat(p.get("asset_uuid")).isEqualTo(r.assetUuid());
                    assertThat(((java.sql.Timestamp) p.get("start_utc")).toInstant()).isEqualTo(r.actualStartUtc());
                    assertThat(((java.sql.Timestamp) p.get("end_utc")).toInstant()).isEqualTo(r.actualEndUtc());
                });
            });
            Instant firstOnTime = onTime.get(0).actualStartUtc();
            List<Map<String, Object>> current = asScheduler().queryParam("from", firstOnTime.toString())
                    .queryParam("to", onTime.get(onTime.size() - 1).actualEndUtc().toString())
                    .get("/api/v1/channels/{c}/playlog", channel.channelId.toString()).then().statusCode(200).extract().path("");
            Set<String> reportedEvents = onTime.stream().map(r -> r.playlogEventUuid().toString()).collect(Collectors.toSet());
            assertThat(current).filteredOn(e -> !"gap".equals(e.get("kind")))
                    .allSatisfy(e -> assertThat(reportedEvents).as("every event that aired was reported").contains((String) e.get("uuid")));
        }
    }

    private static List<AsRunRecorded> asRun(KafkaTestClient kafka) {
        return kafka.readAll("continuity.as-run", 100_000, Duration.ofSeconds(1)).stream()
                .filter(r -> CHANNEL.toString().equals(r.key()))
                .map(r -> {
                    try {
                        return EventJson.mapper().readValue(r.value(), AsRunRecorded.class);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .sorted(java.util.Comparator.comparing(AsRunRecorded::actualStartUtc))
                .toList();
    }
}
