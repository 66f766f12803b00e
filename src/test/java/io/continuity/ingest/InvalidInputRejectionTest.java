package io.continuity.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

import io.continuity.events.CloudEventCodec;
import io.continuity.events.ContinuityEvent;
import io.continuity.events.EventType;
import io.continuity.events.LabelDefined;
import io.continuity.events.PlanUpdated;
import io.continuity.events.Topic;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.Fixtures;
import io.continuity.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Bad input never corrupts the projection: each broken record is refused with its own reason, lands on the DLQ with
 * reason headers and in rejected_event, the partition keeps flowing, and nothing else changes.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class InvalidInputRejectionTest {

    private static KafkaTestClient kafka;

    @Inject
    DataSource dataSource;

    private final UUID channel = UUID.randomUUID();
    private final UUID plan = UUID.randomUUID();
    private final String key = channel.toString();
    private final List<Case> cases = new ArrayList<>();

    record Case(String name, String topic, String key, Map<String, String> headers, byte[] value, String code, String field) {
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
    void eachInvalidRecordIsRejectedWithItsOwnReasonAndNothingElseChanges() {
        Db db = new Db(dataSource);
        kafka.send(key, Fixtures.channel(channel));
        kafka.send(key, Fixtures.plan(plan, channel, 10));
        kafka.send(key, Fixtures.assignment(UUID.randomUUID(), plan, channel, "14:00", 60));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM schedule_plan_block_assignments WHERE plan_id = ?", plan) == 1);
        List<Map<String, Object>> before = snapshot(db);

        addEnvelopeCases();
        addPayloadCases();
        addDomainCases();
        cases.forEach(c -> kafka.sendRaw(c.topic(), c.key(), c.headers(), c.value()));
        UUID marker = UUID.randomUUID();
        kafka.send(key, new LabelDefined(marker, channel, "still flowing", null, null));

        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM schedule_plan_label WHERE id = ?", marker) == 1);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(15);
        assertThat(cases.stream().map(Case::code).distinct().count()).isGreaterThanOrEqualTo(15);
        for (Case c : cases) {
            List<Map<String, Object>> rows = db.rows(
                    "SELECT reason_code, reason_field, reason_detail FROM rejected_event WHERE headers->>'test-case' = ?", c.name());
            assertThat(rows).as(c.name()).hasSize(1);
            assertThat(rows.get(0)).as(c.name()).containsEntry("reason_code", c.code()).containsEntry("reason_field", c.field());
        }
        assertThat(snapshot(db)).isEqualTo(before);
        assertDeadLettered(Topic.PLAN_EVENTS.deadLetterTopic());
        assertDeadLettered(Topic.CATALOG_EVENTS.deadLetterTopic());
    }

    private void assertDeadLettered(String dlq) {
        List<String> expected = cases.stream().filter(c -> dlq.equals(c.topic() + ".dlq")).map(Case::name).toList();
        Map<String, ConsumerRecord<String, byte[]>> byCase = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, byte[]> r : kafka.readAll(dlq, 10_000, Duration.ofSeconds(2))) {
                if (r.headers().lastHeader("test-case") != null) {
                    byCase.put(new String(r.headers().lastHeader("test-case").value(), StandardCharsets.UTF_8), r);
                }
            }
            return byCase.keySet().containsAll(expected);
        });
        for (Case c : cases) {
            if (!expected.contains(c.name())) {
                continue;
            }
            ConsumerRecord<String, byte[]> r = byCase.get(c.name());
            assertThat(r.value()).as(c.name()).isEqualTo(c.value());
            assertThat(r.key()).as(c.name()).isEqualTo(c.key());
            assertThat(header(r, "dlq-reason")).as(c.name()).isEqualTo(c.code());
            assertThat(header(r, "dlq-reason-detail")).as(c.name()).isNotBlank();
            assertThat(header(r, "dlq-original-topic")).isEqualTo(c.topic());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return r.headers().lastHeader(name) == null ? null : new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private List<Map<String, Object>> snapshot(Db db) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(db.rows("SELECT * FROM channel WHERE id = ?", channel));
        rows.addAll(db.rows("SELECT * FROM schedule_plan WHERE channel_id = ? ORDER BY id", channel));
        rows.addAll(db.rows("SELECT * FROM schedule_plan_block_assignments WHERE channel_id = ? ORDER BY id", channel));
        return rows;
    }

    private void addEnvelopeCases() {
        ContinuityEvent valid = Fixtures.plan(UUID.randomUUID(), channel, 1);
        raw("missing ce_id", valid, h -> h.remove("ce_id"), null, "envelope_missing_header", "ce_id");
        raw("old spec version", valid, h -> h.put("ce_specversion", "0.3"), null, "envelope_bad_specversion", "ce_specversion");
        raw("unknown type", valid, h -> h.put("ce_type", "continuity.channel.exploded.v1"), null, "unknown_type", "ce_type");
        raw("future major version", valid, h -> h.put("ce_type", "continuity.plan.created.v2"), null, "unsupported_version", "ce_type");
        raw("catalog type on plan topic", valid, h -> h.put("ce_type", EventType.ASSET_RETIRED.ceType()), null, "unknown_type", "ce_type");
        raw("bad ce_time", valid, h -> h.put("ce_time", "yesterday"), null, "invalid_value", "ce_time");
    }

    private void addPayloadCases() {
        ContinuityEvent valid = Fixtures.plan(UUID.randomUUID(), channel, 1);
        raw("truncated json", valid, h -> { }, "{\"plan_id\": ".getBytes(StandardCharsets.UTF_8), "malformed_json", null);
        raw("json array", valid, h -> { }, "[1, 2, 3]".getBytes(StandardCharsets.UTF_8), "not_an_object", null);
        raw("deeply nested", valid, h -> { }, ("{\"a\":" + "[".repeat(500) + "]".repeat(500) + "}").getBytes(StandardCharsets.UTF_8),
                "payload_too_large", null);
        raw("oversized", valid, h -> { }, ("{\"name\": \"" + "x".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8),
                "payload_too_large", null);
        mutated("missing title", Fixtures.channel(channel), m -> m.remove("title"), "missing_field", "title");
        mutated("grid as text", Fixtures.channel(channel), m -> m.put("grid_block_minutes", "thirty"), "wrong_type", "grid_block_minutes");
        mutated("plan id not a uuid", valid, m -> m.put("plan_id", "plan-1"), "invalid_value", "plan_id");
        mutated("time 24:30", assignment("14:00", 30), m -> m.put("start_time", "24:30"), "invalid_time", "start_time");
        mutated("time 7:5", assignment("14:00", 30), m -> m.put("start_time", "7:5"), "invalid_time", "start_time");
        mutated("bad zone", Fixtures.channel(channel), m -> m.put("timezone", "Mars/Olympus_Mons"), "invalid_value", "timezone");
        mutated("unknown content type", assignment("16:00", 30), m -> m.put("content_type", "playlist"), "invalid_value", "content_type");
        UUID asset = UUID.randomUUID();
        mutatedOn("asset kind trailer", asset.toString(), Fixtures.filler(asset, 1000), m -> m.put("kind", "trailer"), "invalid_value", "kind");
        mutatedOn("negative duration", asset.toString(), Fixtures.filler(asset, 1000), m -> m.put("duration_ms", -5), "invalid_value",
                "duration_ms");
    }

    private void addDomainCases() {
        mutated("duration off grid", assignment("16:00", 45), m -> { }, "invalid_duration", "duration");
        mutated("longer than 24 hours", assignment("16:00", 1470), m -> { }, "invalid_duration", "duration");
        mutated("start off grid", assignment("16:15", 30), m -> { }, "off_grid_start", "start_time");
        mutated("overlap", assignment("14:30", 60), m -> { }, "overlap", "start_time");
        mutated("unknown plan", assignment("18:00", 30), m -> m.put("plan_id", UUID.randomUUID().toString()), "unknown_reference", "plan_id");
        mutated("unknown label", assignment("18:00", 30), m -> m.put("label_id", UUID.randomUUID().toString()), "unknown_reference", "label_id");
        mutated("rule with unknown key", assignment("18:00", 30), m -> {
            m.put("content_type", "rule");
            m.put("content_reference", Map.of("genre", "drama", "colour", "blue"));
        }, "invalid_value", "content_reference.colour");
        mutated("stale expected version", new PlanUpdated(plan, channel, "x", 1, "0 0 * * *", null, null, true, 7L), m -> { },
                "version_conflict", "expected_version");
        mutated("bad cron", new PlanUpdated(plan, channel, "x", 1, "every tuesday", null, null, true, null), m -> { },
                "invalid_value", "cron_expression");
        mutated("offsets not on grid", Fixtures.channel(channel, "UTC", 30, List.of(0, 20), "06:00"), m -> { }, "invalid_value",
                "block_start_offsets_minutes");
        mutated("day start off offsets", Fixtures.channel(channel, "UTC", 30, List.of(0, 30), "06:15"), m -> { }, "off_grid_start",
                "programming_day_start");
        UUID other = UUID.randomUUID();
        mutatedOn("plan for unknown channel", other.toString(), Fixtures.plan(UUID.randomUUID(), other, 1), m -> { }, "unknown_reference", "channel_id");
        mutatedOn("wrong key", UUID.randomUUID().toString(), Fixtures.plan(UUID.randomUUID(), channel, 1), m -> { }, "key_mismatch", null);
    }

    private ContinuityEvent assignment(String start, int duration) {
        return Fixtures.assignment(UUID.randomUUID(), plan, channel, start, duration);
    }

    private void raw(String name, ContinuityEvent event, Consumer<Map<String, String>> headerChange, byte[] value, String code, String field) {
        Map<String, String> headers = headers(name, event);
        headerChange.accept(headers);
        cases.add(new Case(name, EventType.of(event).topic().topicName(), key, headers,
                value == null ? KafkaTestClient.json(event) : value, code, field));
    }

    private void mutated(String name, ContinuityEvent event, Consumer<Map<String, Object>> change, String code, String field) {
        mutatedOn(name, key, event, change, code, field);
    }

    private void mutatedOn(String name, String recordKey, ContinuityEvent event, Consumer<Map<String, Object>> change, String code,
            String field) {
        Map<String, Object> payload = Fixtures.asMap(event);
        change.accept(payload);
        cases.add(new Case(name, EventType.of(event).topic().topicName(), recordKey, headers(name, event), KafkaTestClient.json(payload),
                code, field));
    }

    private static Map<String, String> headers(String name, ContinuityEvent event) {
        Map<String, String> headers = new LinkedHashMap<>(CloudEventCodec.ceHeaders(EventType.of(event).ceType(),
                UUID.randomUUID().toString(), Instant.parse("2026-11-20T10:00:00Z"), "urn:test"));
        headers.put("test-case", name);
        return headers;
    }
}
