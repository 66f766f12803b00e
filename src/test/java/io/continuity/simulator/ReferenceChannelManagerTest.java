package io.continuity.simulator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
            Instant from = reported.stream().map(AsRunRecorded::actualStartUtc).min(Instant::compareTo).orElseThrow();
            List<Map<String, Object>> planned = given().queryParam("from", from.minus(Duration.ofHours(1)).toString())
                    .queryParam("to", from.plus(Duration.ofHours(12)).toString())
                    .get("/api/v1/channels/{c}/playlog", channel.channelId.toString()).then().statusCode(200).extract().path("");
            Map<String, Map<String, Object>> byUuid = planned.stream().collect(Collectors.toMap(e -> (String) e.get("uuid"), e -> e));
            List<AsRunRecorded> onTime = reported.subList(1, reported.size());
            assertThat(onTime).allSatisfy(r -> {
                Map<String, Object> event = byUuid.get(r.playlogEventUuid().toString());
                assertThat(event).as("as-run %s refers to a current playlog event among %s", r, byUuid.keySet()).isNotNull();
                assertThat(r.status()).isEqualTo("AIRED");
                assertThat(r.assetUuid().toString()).isEqualTo(event.get("asset_uuid"));
                assertThat(r.actualStartUtc().toString()).isEqualTo(event.get("start_utc"));
                assertThat(r.actualEndUtc().toString()).isEqualTo(event.get("end_utc"));
            });
            assertThat(reported.get(0).reason()).startsWith("joined in progress");
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
