package io.continuity.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.ScheduledChannel;
import io.continuity.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** After real traffic (events, a rejected record, a resolution, an override), /q/metrics reports each operating figure. */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class MetricsTest {

    @Inject
    DataSource dataSource;

    @Test
    void prometheusEndpointReportsLagAppliedRejectedResolutionOutboxAndOverrideFigures() {
        Db db = new Db(dataSource);
        ScheduledChannel channel;
        try (KafkaTestClient kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers())) {
            channel = new ScheduledChannel().publish(kafka, db);
            kafka.sendRaw("continuity.plan-events", channel.channelId.toString(), Map.of("ce_type", "continuity.plan.created.v1"),
                    "not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM rejected_event WHERE record_key = ?",
                channel.channelId.toString()) == 1);
        Map<String, Object> onAir = Tokens.asScheduler().get("/api/v1/channels/{c}/now", channel.channelId.toString()).then().statusCode(200)
                .extract().path("event");
        Tokens.asScheduler().contentType(ContentType.JSON).body(Map.of("action", "CANCEL", "target_event_uuid", onAir.get("uuid"), "reason", "metrics",
                "requested_by", "ops")).post("/api/v1/channels/{c}/overrides", channel.channelId.toString()).then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM outbox WHERE published_at IS NULL") == 0);

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics") /* open: no token */.then().statusCode(200).extract().asString();
            assertThat(value(metrics, "continuity_events_applied_total", "type=\"continuity.channel.configured.v1\"")).hasValueSatisfying(
                    v -> assertThat(v).isGreaterThanOrEqualTo(1));
            assertThat(value(metrics, "continuity_events_applied_total", "type=\"continuity.asset.upserted.v1\"")).hasValueSatisfying(
                    v -> assertThat(v).isGreaterThanOrEqualTo(129));
            assertThat(value(metrics, "continuity_events_rejected_total", "type=\"continuity.plan.created.v1\"")).hasValueSatisfying(
                    v -> assertThat(v).isGreaterThanOrEqualTo(1));
            assertThat(value(metrics, "continuity_resolve_duration_seconds_count", "")).hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1));
            assertThat(value(metrics, "continuity_resolve_duration_seconds_max", "")).hasValueSatisfying(v -> assertThat(v).isPositive());
            assertThat(value(metrics, "continuity_outbox_backlog", "")).contains(0.0);
            assertThat(value(metrics, "continuity_outbox_publish_latency_seconds_count", "")).hasValueSatisfying(
                    v -> assertThat(v).isGreaterThanOrEqualTo(5));
            assertThat(value(metrics, "continuity_outbox_publish_latency_seconds_max", "")).hasValueSatisfying(
                    v -> assertThat(v).isPositive().isLessThan(60));
            assertThat(value(metrics, "continuity_override_latency_seconds_count", "")).hasValueSatisfying(
                    v -> assertThat(v).isGreaterThanOrEqualTo(1));
            for (String topic : List.of("continuity.plan-events", "continuity.catalog-events", "continuity.override-commands", "continuity.as-run")) {
                assertThat(value(metrics, "continuity_consumer_lag", "topic=\"" + topic + "\"")).as(topic).contains(0.0);
            }
        });
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}. */
    private static Optional<Double> value(String metrics, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(metrics);
        while (m.find()) {
            if (label.isEmpty() || (m.group(1) != null && m.group(1).contains(label))) {
                return Optional.of(Double.parseDouble(m.group(2)));
            }
        }
        return Optional.empty();
    }
}
