package io.continuity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The relay publishes every committed outbox row, including one that committed after a row with a higher id, and all
 * rows of a transaction larger than its batch even when nothing else is written afterwards.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class OutboxRelayTest {

    @Inject
    DataSource dataSource;

    @Test
    void aRowThatCommitsAfterAHigherIdIsStillPublished() throws Exception {
        String topic = "continuity.outbox-test-" + UUID.randomUUID();
        try (Connection early = dataSource.getConnection(); Connection late = dataSource.getConnection();
                KafkaTestClient kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers())) {
            kafka.createTopic(topic, 1);
            early.setAutoCommit(false);
            late.setAutoCommit(false);
            insert(early, topic, "first-by-id");
            insert(late, topic, "second-by-id");
            late.commit();
            await().atMost(Duration.ofSeconds(10)).until(() -> keys(kafka, topic).contains("second-by-id"));
            assertThat(keys(kafka, topic)).doesNotContain("first-by-id");
            early.commit();
            await().atMost(Duration.ofSeconds(10)).until(() -> keys(kafka, topic).contains("first-by-id"));
        }
    }

    @Test
    void aTransactionLargerThanABatchIsPublishedWithoutAFurtherWakeUp() throws Exception {
        String topic = "continuity.outbox-test-" + UUID.randomUUID();
        int rows = 3 * 500 + 1; // the default batch size is 500; one commit sends one notification
        try (Connection connection = dataSource.getConnection();
                KafkaTestClient kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers())) {
            kafka.createTopic(topic, 1);
            connection.setAutoCommit(false);
            for (int i = 0; i < rows; i++) {
                insert(connection, topic, "row-" + i);
            }
            connection.commit();
            // a relay that waits for a further notification after each full batch stops at 500 here
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> kafka.readAll(topic, rows, Duration.ofSeconds(3)).size() == rows);
            assertThat(kafka.readAll(topic, rows + 1, Duration.ofSeconds(3)).stream().map(ConsumerRecord::key).distinct()).hasSize(rows);
        }
    }

    /**
     * A day of thousands of short items makes a day-published record larger than the Kafka producer's default 1 MiB; the
     * relay compresses and sends it (it used to be refused, and the relay stopped at it with every record behind it).
     */
    @Test
    void aRecordLargerThanKafkasDefaultRequestIsPublishedAndTheRowsAfterItToo() throws Exception {
        String topic = "continuity.outbox-test-" + UUID.randomUUID();
        StringBuilder day = new StringBuilder("{\"events\": [");
        UUID asset = UUID.randomUUID();
        for (int i = 0; day.length() < 3 * 1024 * 1024; i++) {
            day.append(i == 0 ? "" : ",").append("{\"uuid\": \"").append(UUID.randomUUID()).append("\", \"asset_uuid\": \"").append(asset)
                    .append("\", \"kind\": \"filler\", \"start_utc\": \"2026-12-07T00:00:").append(i % 60)
                    .append("Z\", \"offset_ms\": 0, \"title\": \"Two seconds of station ident\", \"fallback\": []}");
        }
        byte[] payload = day.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (Connection connection = dataSource.getConnection();
                KafkaTestClient kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers())) {
            kafka.createTopic(topic, 1);
            insert(connection, topic, "large", payload);
            insert(connection, topic, "after");
            await().atMost(Duration.ofSeconds(30)).until(() -> keys(kafka, topic).contains("after"));
            assertThat(kafka.readAll(topic, 10, Duration.ofSeconds(3))).filteredOn(r -> r.key().equals("large")).singleElement()
                    .satisfies(r -> assertThat(r.value()).isEqualTo(payload));
        }
    }

    private static void insert(Connection connection, String topic, String key) throws SQLException {
        insert(connection, topic, key, key.getBytes());
    }

    private static void insert(Connection connection, String topic, String key, byte[] payload) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO outbox (topic, record_key, headers, payload) VALUES (?, ?, '{}'::jsonb, ?)")) {
            ps.setString(1, topic);
            ps.setString(2, key);
            ps.setBytes(3, payload);
            ps.executeUpdate();
        }
    }

    private static List<String> keys(KafkaTestClient kafka, String topic) {
        return kafka.readAll(topic, 10, Duration.ofMillis(300)).stream().map(ConsumerRecord::key).toList();
    }
}
