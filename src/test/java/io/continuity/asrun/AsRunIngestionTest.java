package io.continuity.asrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.continuity.events.AsRunRecorded;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.EventType;
import io.continuity.events.Topic;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.Fixtures;
import io.continuity.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** As-run entries are stored once and never changed; a malformed one is dead-lettered with its reason and nothing else moves. */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class AsRunIngestionTest {

    private static final Instant START = Instant.parse("2026-11-23T06:10:00.123456Z");
    private static KafkaTestClient kafka;

    @Inject
    DataSource dataSource;

    private final UUID channel = UUID.randomUUID();
    private final String key = channel.toString();

    record Case(String name, String key, Map<String, Object> payload, String code, String field) {
    }

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aRepeatedEntryIsStoredOnceAndADifferentReportUnderItsIdIsRejected() {
        Db db = new Db(dataSource);
        AsRunRecorded entry = entry(UUID.randomUUID());
        String ceId = kafka.send(key, entry);
        kafka.send(key, entry, ceId);
        kafka.send(key, entry);
        AsRunRecorded corrected = new AsRunRecorded(entry.asrunId(), channel, entry.playlogEventUuid(), entry.assetUuid(), entry.actualStartUtc(),
                entry.actualEndUtc().plusSeconds(5), "AIRED", null, null);
        kafka.send(key, corrected);
        AsRunRecorded marker = entry(UUID.randomUUID());
        kafka.send(key, marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM as_run_log WHERE id = ?", marker.asrunId()) == 1);
        assertThat(db.rows("SELECT actual_start_utc, actual_end_utc FROM as_run_log WHERE id = ?", entry.asrunId())).singleElement()
                .satisfies(row -> assertThat(((java.sql.Timestamp) row.get("actual_end_utc")).toInstant()).isEqualTo(entry.actualEndUtc()));
        assertThat(db.rows("SELECT reason_code, reason_field, reason_detail FROM rejected_event WHERE record_key = ?", key)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("reason_code", "invalid_value").containsEntry("reason_field", "asrun_id")
                        .containsEntry("reason_detail", "as-run entries are immutable"));
    }

    @Test
    void malformedEntriesAreDeadLetteredWithTheirReasonAndTheTopicKeepsFlowing() {
        Db db = new Db(dataSource);
        List<Case> cases = List.of(
                mutated("ends before it starts", m -> m.put("actual_end_utc", START.minusSeconds(1).toString()), "invalid_value", "actual_end_utc"),
                mutated("no asset", m -> m.remove("asset_uuid"), "missing_field", "asset_uuid"),
                mutated("unknown status", m -> m.put("status", "BROADCAST"), "invalid_value", "status"),
                mutated("start not an instant", m -> m.put("actual_start_utc", "06:10"), "invalid_value", "actual_start_utc"),
                new Case("keyed by another channel", UUID.randomUUID().toString(), Fixtures.asMap(entry(UUID.randomUUID())), "key_mismatch", null));
        cases.forEach(c -> kafka.sendRaw(Topic.AS_RUN.topicName(), c.key(), headers(c.name()),
                KafkaTestClient.json(c.payload())));
        AsRunRecorded marker = entry(UUID.randomUUID());
        kafka.send(key, marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM as_run_log WHERE id = ?", marker.asrunId()) == 1);
        for (Case c : cases) {
            assertThat(db.rows("SELECT reason_code, reason_field FROM rejected_event WHERE headers->>'test-case' = ?", c.name()))
                    .as(c.name()).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("reason_code", c.code()).containsEntry("reason_field", c.field()));
        }
        assertThat(db.count("SELECT count(*) FROM as_run_log WHERE channel_id = ?", channel)).isEqualTo(1);

        Map<String, ConsumerRecord<String, byte[]>> deadLetters = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, byte[]> r : kafka.readAll(Topic.AS_RUN.deadLetterTopic(), 10_000, Duration.ofSeconds(2))) {
                if (header(r, "test-case") != null) {
                    deadLetters.put(header(r, "test-case"), r);
                }
            }
            return deadLetters.keySet().containsAll(cases.stream().map(Case::name).toList());
        });
        for (Case c : cases) {
            ConsumerRecord<String, byte[]> r = deadLetters.get(c.name());
            assertThat(r.key()).as(c.name()).isEqualTo(c.key());
            assertThat(r.value()).as(c.name()).isEqualTo(KafkaTestClient.json(c.payload()));
            assertThat(header(r, "dlq-reason")).as(c.name()).isEqualTo(c.code());
            assertThat(header(r, "dlq-reason-field")).as(c.name()).isEqualTo(c.field());
            assertThat(header(r, "dlq-original-topic")).isEqualTo(Topic.AS_RUN.topicName());
        }
    }

    private AsRunRecorded entry(UUID asrunId) {
        return new AsRunRecorded(asrunId, channel, UUID.randomUUID(), UUID.randomUUID(), START, START.plusSeconds(1320), "AIRED", null, null);
    }

    private Case mutated(String name, Consumer<Map<String, Object>> change, String code, String field) {
        Map<String, Object> payload = Fixtures.asMap(entry(UUID.randomUUID()));
        change.accept(payload);
        return new Case(name, key, payload, code, field);
    }

    private static Map<String, String> headers(String name) {
        Map<String, String> headers = new LinkedHashMap<>(CloudEventCodec.ceHeaders(EventType.ASRUN_RECORDED.ceType(), UUID.randomUUID().toString(),
                Instant.parse("2026-11-23T06:40:00Z"), "urn:test:channel-manager"));
        headers.put("test-case", name);
        return headers;
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return r.headers().lastHeader(name) == null ? null : new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
