package io.continuity.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A record the broker refuses for good (larger than its topic's {@code max.message.bytes}, here a topic created with 4 KiB)
 * is parked with the refusal, an alert and a count, and the records behind it on the same key are published; once the limit
 * is raised an operator requeues it and it is published too.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class OutboxParkingTest {

    @Inject
    DataSource dataSource;

    @Test
    void aRecordTheBrokerRefusesIsParkedTheRowsBehindItArePublishedAndARequeueSendsItOnceTheLimitIsRaised() throws Exception {
        String topic = "continuity.outbox-park-test-" + UUID.randomUUID();
        UUID channel = UUID.randomUUID();
        byte[] large = dayPublished(channel);
        long parkedId;
        try (Connection connection = dataSource.getConnection();
                KafkaTestClient kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers())) {
            kafka.createTopic(topic, 1, Map.of("max.message.bytes", "4096"));
            insert(connection, topic, "before", "before".getBytes(StandardCharsets.UTF_8));
            parkedId = insert(connection, topic, "large", large);
            insert(connection, topic, "after", "after".getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(30)).until(() -> values(kafka, topic).contains("after"));
            assertThat(values(kafka, topic)).containsExactly("before", "after");
            assertThat(new Db(dataSource).count("SELECT count(*) FROM outbox WHERE id = ?", parkedId)).isZero();
            Tokens.asScheduler().get("/api/v1/outbox/parked?topic={t}", topic).then().statusCode(200)
                    .body("outbox_id", equalTo(List.of((int) parkedId))).body("[0].reason", equalTo("RecordTooLargeException"))
                    .body("[0].ce_type", equalTo("continuity.playlog.day-published.v1")).body("[0].payload_bytes", equalTo(large.length))
                    .body("[0].subject.broadcast_day", equalTo("2026-11-24")).body("[0].subject.version", equalTo(3));
            Tokens.asViewer().get("/api/v1/outbox/parked").then().statusCode(403);
            Tokens.asScheduler().get("/api/v1/alerts?channel_id={c}&since=2000-01-01T00:00:00Z", channel).then().statusCode(200)
                    .body("kind", equalTo(List.of("OUTBOX_RECORD_REFUSED"))).body("[0].severity", equalTo("CRITICAL"))
                    .body("[0].broadcast_day", equalTo("2026-11-24")).body("[0].details.outbox_id", equalTo((int) parkedId))
                    .body("[0].details.outcome", equalTo("parked"));
            assertThat(refusedCount(topic)).isEqualTo(1.0);

            Tokens.asScheduler().post("/api/v1/outbox/parked/{id}/requeue", parkedId + 1_000_000).then().statusCode(404);
            kafka.alterTopicConfig(topic, "max.message.bytes", String.valueOf(1024 * 1024));
            Tokens.asScheduler().post("/api/v1/outbox/parked/{id}/requeue", parkedId).then().statusCode(200)
                    .body("requeued", equalTo(List.of((int) parkedId)));

            await().atMost(Duration.ofSeconds(30)).until(() -> values(kafka, topic).size() == 3);
            assertThat(kafka.readAll(topic, 10, Duration.ofSeconds(3))).extracting(ConsumerRecord::key).containsExactly("same", "same", "same");
            assertThat(kafka.readAll(topic, 10, Duration.ofSeconds(3)).get(2).value()).isEqualTo(large);
            Tokens.asScheduler().get("/api/v1/outbox/parked?topic={t}", topic).then().statusCode(200).body("size()", equalTo(0));
        }
    }

    /** A day-published-like payload of about 30 KB that does not compress below 4 KiB (the relay sends with zstd). */
    private static byte[] dayPublished(UUID channel) {
        byte[] noise = new byte[24 * 1024];
        new Random(7).nextBytes(noise);
        return ("{\"channel_id\": \"" + channel + "\", \"broadcast_day\": \"2026-11-24\", \"version\": 3, \"events\": [{\"title\": \""
                + Base64.getEncoder().encodeToString(noise) + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static long insert(Connection connection, String topic, String value, byte[] payload) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO outbox (topic, record_key, headers, payload)
                VALUES (?, 'same', jsonb_build_object('ce_type', 'continuity.playlog.day-published.v1', 'ce_id', ?::text, 'value', ?::text), ?)
                RETURNING id""")) {
            ps.setString(1, topic);
            ps.setString(2, UUID.randomUUID().toString());
            ps.setString(3, value);
            ps.setBytes(4, payload);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The {@code value} header of each record on the topic, in order. */
    private static List<String> values(KafkaTestClient kafka, String topic) {
        return kafka.readAll(topic, 10, Duration.ofMillis(300)).stream()
                .map(r -> new String(r.headers().lastHeader("value").value(), StandardCharsets.UTF_8)).toList();
    }

    private static double refusedCount(String topic) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^continuity_outbox_refused_total\\{([^}]*)} (\\S+)$").matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains("topic=\"" + topic + "\"")) {
                assertThat(m.group(1)).contains("outcome=\"parked\"").contains("reason=\"RecordTooLargeException\"");
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
