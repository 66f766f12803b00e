package io.continuity.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.continuity.events.CloudEventCodec;
import io.continuity.events.EventType;
import io.continuity.events.PlanEvent;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.Fixtures;
import io.continuity.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A plan event's W3C trace context survives the asynchronous hops (apply, resolution request, resolution, outbox,
 * relay): the ScheduleDay records it causes on continuity.playlog carry the same trace id, next to unchanged
 * CloudEvents headers.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class TracePropagationTest {

    @Inject
    DataSource dataSource;

    @Test
    void playlogRecordsCarryTheTraceIdOfThePlanEventThatCausedThem() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        UUID channel = UUID.randomUUID();
        PlanEvent configured = Fixtures.channel(channel);
        Map<String, String> headers = CloudEventCodec.ceHeaders(EventType.of(configured).ceType(), UUID.randomUUID().toString(),
                Instant.parse("2026-11-20T10:00:00Z"), "urn:test");
        headers.put("traceparent", traceparent);
        Db db = new Db(dataSource);
        List<ConsumerRecord<String, byte[]>> published;
        try (KafkaTestClient kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers())) {
            kafka.sendRaw("continuity.plan-events", channel.toString(), headers, KafkaTestClient.json(configured));
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    db.count("SELECT count(*) FROM broadcast_schedule_day WHERE channel_id = ?", channel) > 0
                    && db.count("SELECT count(*) FROM outbox WHERE published_at IS NULL") == 0);
            long days = db.count("SELECT count(*) FROM broadcast_schedule_day WHERE channel_id = ?", channel);
            published = kafka.readAll("continuity.playlog", Integer.MAX_VALUE, Duration.ofSeconds(5)).stream()
                    .filter(r -> channel.toString().equals(r.key())).toList();
            assertThat(published).hasSize((int) days);
        }
        assertThat(published).allSatisfy(record -> {
            assertThat(header(record, "traceparent")).startsWith("00-" + traceId + "-");
            assertThat(header(record, "ce_type")).isEqualTo("continuity.playlog.day-published.v1");
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(record.headers().headers("traceparent")).hasSize(1);
        });
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
