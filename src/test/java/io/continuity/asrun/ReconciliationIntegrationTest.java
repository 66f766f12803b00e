package io.continuity.asrun;

import static io.continuity.testing.Tokens.asScheduler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.continuity.asrun.AsRunScenario.Event;
import io.continuity.events.AlertRaised;
import io.continuity.events.AsRunRecorded;
import io.continuity.events.EventJson;
import io.continuity.events.Topic;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * As-run entries in on continuity.as-run for events that already aired; every kind of discrepancy out as a
 * reconciliation result, on the REST API and as an alert on continuity.schedule-alerts.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class ReconciliationIntegrationTest {

    private static final String FIRST_HOUR = "from=2026-11-23T06:00:00Z&to=2026-11-23T07:00:00Z";
    private static KafkaTestClient kafka;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void eachDiscrepancyIsStoredServedAndAlertedAndAnAiredEventIsOk() {
        AsRunScenario channel = new AsRunScenario(kafka, new Db(dataSource));
        List<UUID> promos = channel.promos(6, Duration.ofMinutes(2));
        channel.movies("default", 3, Duration.ofMinutes(22));
        channel.configure("default");
        // 06:00 movie, 4 promos, 06:30 movie: six events that ended before the clock started at 07:00
        List<Event> aired = channel.awaitDay(AsRunScenario.TODAY).stream()
                .filter(e -> e.end().isBefore(Instant.parse("2026-11-23T06:53:00Z"))).toList();
        assertThat(aired).extracting(Event::kind).containsExactly("fallback", "filler", "filler", "filler", "filler", "fallback");
        Event onTime = aired.get(0);
        Event endsEarly = aired.get(1);
        Event substituted = aired.get(2);
        Event unreported = aired.get(3);
        Event skipped = aired.get(4);
        Event late = aired.get(5);
        UUID otherPromo = promos.stream().filter(p -> !p.equals(substituted.asset())).findFirst().orElseThrow();

        AsRunRecorded unnamed = channel.asRun(null, otherPromo, late.end(), late.end().plusSeconds(60), "AIRED", "operator break-in");
        AsRunRecorded misnamed = channel.asRun(UUID.randomUUID(), otherPromo, late.end().plusSeconds(60), late.end().plusSeconds(120), "AIRED",
                null);
        List<AsRunRecorded> entries = List.of(
                channel.asRun(onTime.uuid(), onTime.asset(), onTime.start().plusSeconds(1), onTime.end().plusMillis(500), "AIRED", null),
                channel.asRun(endsEarly.uuid(), endsEarly.asset(), endsEarly.start(), endsEarly.end().minusSeconds(60), "AIRED", null),
                channel.asRun(substituted.uuid(), otherPromo, substituted.start(), substituted.end(), "SUBSTITUTED", "file missing"),
                channel.asRun(skipped.uuid(), skipped.asset(), skipped.start(), skipped.start(), "SKIPPED", "playout server fault"),
                channel.asRun(late.uuid(), late.asset(), late.start().plusSeconds(30), late.end(), "AIRED", null),
                unnamed, misnamed);
        entries.forEach(channel::send);

        Map<UUID, Set<String>> expected = Map.of(onTime.uuid(), Set.of("OK"), endsEarly.uuid(), Set.of("EARLY_END"),
                substituted.uuid(), Set.of("SUBSTITUTED"), unreported.uuid(), Set.of("MISSING"), skipped.uuid(), Set.of("MISSING"),
                late.uuid(), Set.of("LATE_START"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath results = reconciliation(channel);
            assertThat(outcomesByEvent(results)).containsAllEntriesOf(expected);
            assertThat(results.getList("findAll { it.outcome == 'EXTRA' }.asrun_id", String.class))
                    .containsExactlyInAnyOrder(unnamed.asrunId().toString(), misnamed.asrunId().toString());
        });

        JsonPath results = reconciliation(channel);
        assertThat(results.getLong("find { it.playlog_event_uuid == '" + late.uuid() + "' }.delta_ms")).isEqualTo(30_000);
        assertThat(results.getLong("find { it.playlog_event_uuid == '" + endsEarly.uuid() + "' }.delta_ms")).isEqualTo(-60_000);
        assertThat(results.getLong("find { it.playlog_event_uuid == '" + onTime.uuid() + "' }.delta_ms")).isEqualTo(1_000);
        assertThat(results.getString("find { it.playlog_event_uuid == '" + substituted.uuid() + "' }.aired_asset_uuid"))
                .isEqualTo(otherPromo.toString());
        assertThat(results.getString("find { it.playlog_event_uuid == '" + substituted.uuid() + "' }.planned_asset_uuid"))
                .isEqualTo(substituted.asset().toString());
        assertThat(results.getString("find { it.playlog_event_uuid == '" + late.uuid() + "' }.planned_start_utc"))
                .isEqualTo(late.start().toString());
        assertThat(results.getString("find { it.playlog_event_uuid == '" + skipped.uuid() + "' }.detail")).contains("playout server fault");

        Set<String> alerted = awaitAlerts(channel, Set.of(late.uuid() + "/LATE_START", endsEarly.uuid() + "/EARLY_END",
                substituted.uuid() + "/SUBSTITUTED", unreported.uuid() + "/MISSING", skipped.uuid() + "/MISSING",
                unnamed.asrunId() + "/EXTRA", misnamed.asrunId() + "/EXTRA"));
        assertThat(alerted).noneMatch(a -> a.endsWith("/OK"));

        asScheduler().queryParam("from", "2026-11-23T06:00:00Z").queryParam("to", "2026-11-23T07:00:00Z")
                .get("/api/v1/channels/{c}/as-run", channel.channel).then().statusCode(200)
                .body("size()", equalTo(entries.size()))
                .body("[0].asrun_id", equalTo(entries.get(0).asrunId().toString()))
                .body("[0].duration_ms", equalTo((int) Duration.between(onTime.start().plusSeconds(1), onTime.end().plusMillis(500)).toMillis()))
                .body("[6].asrun_id", equalTo(misnamed.asrunId().toString()));
    }

    @Test
    void queriesNameTheParameterAtFault() {
        UUID channel = UUID.randomUUID();
        asScheduler().queryParam("from", "yesterday").get("/api/v1/channels/{c}/as-run", channel).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("from")).body("code", equalTo("invalid_value"));
        asScheduler().queryParam("from", "2026-11-23T07:00:00Z").queryParam("to", "2026-11-23T06:00:00Z")
                .get("/api/v1/channels/{c}/reconciliation", channel).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("to"));
        asScheduler().queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-11-23T00:00:00Z")
                .get("/api/v1/channels/{c}/reconciliation", channel).then().statusCode(400).body("field", equalTo("to"));
        asScheduler().get("/api/v1/channels/{c}/as-run", channel).then().statusCode(200).body("size()", equalTo(0));
    }

    private static JsonPath reconciliation(AsRunScenario channel) {
        return asScheduler().get("/api/v1/channels/{c}/reconciliation?" + FIRST_HOUR, channel.channel).then().statusCode(200).extract().jsonPath();
    }

    private static Map<UUID, Set<String>> outcomesByEvent(JsonPath results) {
        Map<UUID, Set<String>> byEvent = new HashMap<>();
        for (Map<String, Object> r : results.<Map<String, Object>>getList("")) {
            if (r.get("playlog_event_uuid") != null) {
                byEvent.computeIfAbsent(UUID.fromString((String) r.get("playlog_event_uuid")), k -> new HashSet<>()).add((String) r.get("outcome"));
            }
        }
        return byEvent;
    }

    /** "playlog event or as-run id / outcome" of every as-run alert of the channel, once all of {@code expected} arrived. */
    private static Set<String> awaitAlerts(AsRunScenario channel, Set<String> expected) {
        Set<String> seen = new HashSet<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (ConsumerRecord<String, byte[]> r : kafka.readAll(Topic.SCHEDULE_ALERTS.topicName(), 100_000, Duration.ofSeconds(1))) {
                AlertRaised alert = EventJson.mapper().readValue(r.value(), AlertRaised.class);
                if (channel.key.equals(r.key()) && "ASRUN_DISCREPANCY".equals(alert.kind())) {
                    Map<String, Object> d = alert.details();
                    Object subject = "EXTRA".equals(d.get("outcome")) ? d.get("asrun_id") : d.get("playlog_event_uuid");
                    seen.add(subject + "/" + d.get("outcome"));
                }
            }
            return seen.containsAll(expected);
        });
        return seen;
    }
}
