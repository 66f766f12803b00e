package io.continuity.reliability.input;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.TextNode;

import io.continuity.events.AssetRetired;
import io.continuity.events.AssignmentAdded;
import io.continuity.events.AssignmentRemoved;
import io.continuity.events.ContinuityEvent;
import io.continuity.events.EventJson;
import io.continuity.events.EventType;
import io.continuity.events.OutgoingRecord;
import io.continuity.events.PlanUpdated;
import io.continuity.events.Topic;
import io.continuity.resolver.core.ContentType;
import io.continuity.testing.Fixtures;
import io.continuity.testing.KafkaTestClient;

/**
 * Generates invalid records against an {@link InputWorld}: every kind of bad input the consumers must refuse, each
 * kind in several generated variants (which header is missing, where the JSON is cut, which field gets which wrong
 * value). Records are derived from the world's own valid records, keyed like them so they share its partitions, and
 * carry a fresh {@code ce_id} and a {@value #CASE_HEADER} header to find them again on the DLQ and in rejected_event.
 */
public final class PoisonRecords {

    public static final String CASE_HEADER = "reliability-case";
    /** The longest JSON string the service's reader accepts; a longer one is refused as too large before any field check. */
    static final int MAX_STRING_CHARS = 65_536;

    /** One invalid record; {@code after} is the index of the world record it must follow (-1 for anywhere). */
    public record Poison(String id, String kind, OutgoingRecord record, Set<String> codes, String field, int after) {
    }

    private final InputWorld world;
    private final Random random;
    private final String run;
    private final List<Poison> out = new ArrayList<>();
    private final List<Function<Integer, Poison>> kinds = List.of(
            this::missingHeader, this::badSpecVersion, this::unknownType, this::futureVersion, this::otherTopicType, this::badTime,
            this::truncatedJson, this::notJson, this::notAnObject, this::missingField, this::wrongType, this::oversized,
            this::deeplyNested, this::hugeString, this::impossibleTime, this::badZone, this::overlap, this::danglingReference,
            this::wrongKey);

    public PoisonRecords(InputWorld world, long seed, String run) {
        this.world = world;
        this.random = new Random(seed);
        this.run = run;
    }

    /** {@code count} invalid records, the kinds taken in turn so that every kind appears once {@code count} reaches 19. */
    public List<Poison> generate(int count) {
        for (int n = 0; n < count; n++) {
            out.add(kinds.get(n % kinds.size()).apply(n));
        }
        return out;
    }

    public static int kindCount() {
        return 19;
    }

    /**
     * The world's records with the poison interleaved at random places, each poison record after the record it
     * depends on. Records with the same key keep their relative order, as Kafka keeps them within a partition.
     */
    public static List<OutgoingRecord> interleave(List<OutgoingRecord> valid, List<Poison> poison, long seed) {
        Random random = new Random(seed);
        List<List<OutgoingRecord>> after = new ArrayList<>();
        for (int i = 0; i <= valid.size(); i++) {
            after.add(new ArrayList<>());
        }
        for (Poison p : poison) {
            int slot = p.after() + 1 + random.nextInt(valid.size() - p.after());
            after.get(slot).add(p.record());
        }
        List<OutgoingRecord> merged = new ArrayList<>(after.get(0));
        for (int i = 0; i < valid.size(); i++) {
            merged.add(valid.get(i));
            merged.addAll(after.get(i + 1));
        }
        return merged;
    }

    // --- envelope -------------------------------------------------------------------------------------------------

    private Poison missingHeader(int n) {
        String header = pick("ce_id", "ce_type", "ce_source", "ce_specversion");
        OutgoingRecord template = anyRecord();
        Map<String, String> headers = headers(template, n);
        headers.remove(header);
        return poison(n, "missing " + header, template, headers, template.payload(), "envelope_missing_header", header);
    }

    private Poison badSpecVersion(int n) {
        OutgoingRecord template = anyRecord();
        Map<String, String> headers = headers(template, n);
        headers.put("ce_specversion", pick("0.3", "1.1", "2.0", "v1"));
        return poison(n, "bad spec version", template, headers, template.payload(), "envelope_bad_specversion", "ce_specversion");
    }

    private Poison unknownType(int n) {
        OutgoingRecord template = anyRecord();
        Map<String, String> headers = headers(template, n);
        headers.put("ce_type", "continuity." + pick("schedule", "channel", "asset", "weather") + "." + pick("exploded", "melted", "renamed")
                + ".v1");
        return poison(n, "unknown type", template, headers, template.payload(), "unknown_type", "ce_type");
    }

    private Poison futureVersion(int n) {
        OutgoingRecord template = anyRecord();
        Map<String, String> headers = headers(template, n);
        headers.put("ce_type", headers.get("ce_type").replaceAll("\\.v1$", ".v" + (2 + random.nextInt(8))));
        return poison(n, "future major version", template, headers, template.payload(), "unsupported_version", "ce_type");
    }

    private Poison otherTopicType(int n) {
        OutgoingRecord template = anyRecord();
        Map<String, String> headers = headers(template, n);
        boolean plan = template.topic().equals(Topic.PLAN_EVENTS.topicName());
        headers.put("ce_type", plan ? pick(EventType.ASSET_RETIRED, EventType.ASSET_UPSERTED).ceType()
                : pick(EventType.CHANNEL_CONFIGURED, EventType.PLAN_CREATED).ceType());
        return poison(n, "type of the other topic", template, headers, template.payload(), "unknown_type", "ce_type");
    }

    private Poison badTime(int n) {
        OutgoingRecord template = anyRecord();
        Map<String, String> headers = headers(template, n);
        headers.put("ce_time", pick("yesterday", "2026-13-01T00:00:00Z", "1700000000", "2026-11-20 10:00"));
        return poison(n, "bad ce_time", template, headers, template.payload(), "invalid_value", "ce_time");
    }

    // --- payload ------------------------------------------------------------------------------------------------

    private Poison truncatedJson(int n) {
        OutgoingRecord template = anyRecord();
        byte[] payload = template.payload();
        byte[] cut = java.util.Arrays.copyOf(payload, 1 + random.nextInt(payload.length - 1));
        return poison(n, "truncated json", template, headers(template, n), cut, "malformed_json", null);
    }

    private Poison notJson(int n) {
        OutgoingRecord template = anyRecord();
        byte[] payload = switch (random.nextInt(4)) {
            case 0 -> new byte[0];
            case 1 -> "{'channel_id': 'single quotes'}".getBytes(StandardCharsets.UTF_8);
            case 2 -> "channel_id=1&title=x".getBytes(StandardCharsets.UTF_8);
            default -> new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x7b, (byte) 0xc3, 0x28};
        };
        return poison(n, "not json", template, headers(template, n), payload, "malformed_json", null);
    }

    private Poison notAnObject(int n) {
        OutgoingRecord template = anyRecord();
        String payload = pick("[1, 2, 3]", "\"a string\"", "42", "true", "[{\"channel_id\": \"x\"}]");
        return poison(n, "not an object", template, headers(template, n), bytes(payload), "not_an_object", null);
    }

    private Poison missingField(int n) {
        OutgoingRecord template = anyRecord();
        Map<String, Object> payload = payload(template);
        List<String> required = REQUIRED.get(template.headers().get("ce_type"));
        String field = required.get(random.nextInt(required.size()));
        payload.remove(field);
        return poison(n, "missing field", template, headers(template, n), KafkaTestClient.json(payload), "missing_field", field);
    }

    private Poison wrongType(int n) {
        OutgoingRecord template = ofType(EventType.CHANNEL_CONFIGURED, EventType.PLAN_CREATED, EventType.ASSIGNMENT_ADDED,
                EventType.ASSET_UPSERTED);
        Map<String, Object> payload = payload(template);
        String field = switch (EventType.byCeType(template.headers().get("ce_type")).orElseThrow()) {
            case CHANNEL_CONFIGURED -> pick("grid_block_minutes", "block_start_offsets_minutes", "filler_rule");
            case PLAN_CREATED -> pick("priority", "is_active");
            case ASSIGNMENT_ADDED -> pick("duration", "playback_rules");
            default -> pick("duration_ms", "approved_for_broadcast", "season");
        };
        Object wrong = switch (field) {
            case "block_start_offsets_minutes" -> Map.of("first", 0);
            case "filler_rule", "playback_rules" -> List.of("kind", "filler");
            case "is_active", "approved_for_broadcast" -> pick("maybe", "yes please");
            default -> pick("thirty", "long", "[]");
        };
        payload.put(field, wrong);
        return poison(n, "wrong type", template, headers(template, n), KafkaTestClient.json(payload), Set.of("wrong_type", "invalid_value"),
                field);
    }

    private Poison oversized(int n) {
        OutgoingRecord template = anyRecord();
        Map<String, Object> payload = payload(template);
        payload.put("notes", "x".repeat(256 * 1024 + random.nextInt(64 * 1024)));
        return poison(n, "oversized payload", template, headers(template, n), KafkaTestClient.json(payload), "payload_too_large", null);
    }

    private Poison deeplyNested(int n) {
        OutgoingRecord template = anyRecord();
        int depth = 1_001 + random.nextInt(4_000);
        String nested = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        String json = new String(template.payload(), StandardCharsets.UTF_8);
        String payload = "{\"extra\":" + nested + "," + json.substring(1);
        return poison(n, "deeply nested", template, headers(template, n), bytes(payload), "payload_too_large", null);
    }

    private Poison hugeString(int n) {
        OutgoingRecord template = ofType(EventType.CHANNEL_CONFIGURED, EventType.PLAN_CREATED, EventType.ASSET_UPSERTED, EventType.LABEL_DEFINED);
        Map<String, Object> payload = payload(template);
        String field = payload.containsKey("title") ? "title" : "name";
        boolean overReaderLimit = random.nextBoolean();
        payload.put(field, "Ω".repeat(overReaderLimit ? MAX_STRING_CHARS + 1 + random.nextInt(40_000) : 1_000 + random.nextInt(60_000)));
        return overReaderLimit
                ? poison(n, "huge string", template, headers(template, n), KafkaTestClient.json(payload), "payload_too_large", null)
                : poison(n, "huge string", template, headers(template, n), KafkaTestClient.json(payload), "invalid_value", field);
    }

    // --- domain ---------------------------------------------------------------------------------------------------

    private Poison impossibleTime(int n) {
        String time = pick("24:30", "7:5", "25:00", "12:60", "-1:00", "noon", "24:01", "1200", "07:05:00");
        if (random.nextBoolean()) {
            InputWorld.Anchor a = anchor();
            AssignmentAdded added = Fixtures.assignment(UUID.randomUUID(), a.plan(), a.channel(), free(a), 30);
            Map<String, Object> payload = Fixtures.asMap(added);
            payload.put("start_time", time);
            return poison(n, "impossible time", a.channel().toString(), added, payload, "invalid_time", "start_time", a.createdAt());
        }
        OutgoingRecord template = ofType(EventType.CHANNEL_CONFIGURED);
        Map<String, Object> payload = payload(template);
        payload.put("programming_day_start", time);
        return poison(n, "impossible time", template, headers(template, n), KafkaTestClient.json(payload), "invalid_time",
                "programming_day_start");
    }

    private Poison badZone(int n) {
        OutgoingRecord template = ofType(EventType.CHANNEL_CONFIGURED);
        Map<String, Object> payload = payload(template);
        payload.put("timezone", pick("Mars/Olympus_Mons", "America/Atlantis", "Europe/Lond0n", "GMT+25", "Pacific/Nowhere", "Utc/Local"));
        return poison(n, "bad zone", template, headers(template, n), KafkaTestClient.json(payload), "invalid_value", "timezone");
    }

    private Poison overlap(int n) {
        InputWorld.Anchor a = anchor();
        int offset = 30 * random.nextInt(a.duration() / 30);
        String start = String.format("%02d:%02d", Integer.parseInt(a.start().substring(0, 2)) + offset / 60, offset % 60);
        AssignmentAdded added = Fixtures.assignment(UUID.randomUUID(), a.plan(), a.channel(), start, 30 * (1 + random.nextInt(4)));
        return poison(n, "overlapping assignment", a.channel().toString(), added, Fixtures.asMap(added), "overlap", "start_time",
                a.createdAt());
    }

    private Poison danglingReference(int n) {
        InputWorld.Anchor a = anchor();
        String key = a.channel().toString();
        UUID nowhere = UUID.randomUUID();
        return switch (random.nextInt(6)) {
            case 0 -> {
                AssignmentAdded e = Fixtures.assignment(UUID.randomUUID(), nowhere, a.channel(), free(a), 30);
                yield poison(n, "unknown plan", key, e, Fixtures.asMap(e), "unknown_reference", "plan_id", a.createdAt());
            }
            case 1 -> {
                AssignmentAdded e = new AssignmentAdded(UUID.randomUUID(), a.plan(), a.channel(), free(a), 30, ContentType.SERIES, new TextNode("x"),
                        nowhere, null, null, null, null);
                yield poison(n, "unknown label", key, e, Fixtures.asMap(e), "unknown_reference", "label_id", a.createdAt());
            }
            case 2 -> {
                ContinuityEvent e = Fixtures.plan(UUID.randomUUID(), nowhere, 1);
                yield poison(n, "plan for unknown channel", nowhere.toString(), e, Fixtures.asMap(e), "unknown_reference", "channel_id", -1);
            }
            case 3 -> {
                AssignmentRemoved e = new AssignmentRemoved(nowhere, a.plan(), a.channel(), null);
                yield poison(n, "remove unknown assignment", key, e, Fixtures.asMap(e), "unknown_reference", "assignment_id", a.createdAt());
            }
            case 4 -> {
                PlanUpdated e = new PlanUpdated(nowhere, a.channel(), "ghost", 1, "* * * * *", null, null, true, null);
                yield poison(n, "update unknown plan", key, e, Fixtures.asMap(e), "unknown_reference", "plan_id", a.createdAt());
            }
            default -> {
                AssetRetired e = new AssetRetired(nowhere, null);
                yield poison(n, "retire unknown asset", nowhere.toString(), e, Fixtures.asMap(e), "unknown_reference", "asset_uuid", -1);
            }
        };
    }

    private Poison wrongKey(int n) {
        OutgoingRecord template = anyRecord();
        OutgoingRecord rekeyed = new OutgoingRecord(template.topic(), UUID.randomUUID().toString(), template.headers(), template.payload());
        return poison(n, "record key not its aggregate", rekeyed, headers(template, n), template.payload(), "key_mismatch", null);
    }

    // --- building blocks --------------------------------------------------------------------------------------------------

    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry(EventType.CHANNEL_CONFIGURED.ceType(), List.of("channel_id", "slug", "title", "timezone", "grid_block_minutes",
                    "block_start_offsets_minutes", "programming_day_start", "filler_rule")),
            Map.entry(EventType.LABEL_DEFINED.ceType(), List.of("label_id", "channel_id", "name")),
            Map.entry(EventType.PLAN_CREATED.ceType(), List.of("plan_id", "channel_id", "name", "priority", "cron_expression", "is_active")),
            Map.entry(EventType.PLAN_UPDATED.ceType(), List.of("plan_id", "channel_id", "name", "priority", "cron_expression", "is_active")),
            Map.entry(EventType.ASSIGNMENT_ADDED.ceType(), List.of("assignment_id", "plan_id", "channel_id", "start_time", "duration",
                    "content_type", "content_reference")),
            Map.entry(EventType.ASSIGNMENT_UPDATED.ceType(), List.of("assignment_id", "plan_id", "channel_id", "start_time", "duration",
                    "content_type", "content_reference")),
            Map.entry(EventType.ASSIGNMENT_REMOVED.ceType(), List.of("assignment_id", "plan_id", "channel_id")),
            Map.entry(EventType.ASSET_UPSERTED.ceType(), List.of("asset_uuid", "title", "kind", "duration_ms", "state",
                    "approved_for_broadcast")),
            Map.entry(EventType.ASSET_RETIRED.ceType(), List.of("asset_uuid")),
            Map.entry(EventType.VIRTUAL_ASSET_DEFINED.ceType(), List.of("virtual_asset_uuid", "title")));

    private OutgoingRecord anyRecord() {
        return world.records().get(random.nextInt(world.records().size()));
    }

    private OutgoingRecord ofType(EventType... types) {
        Set<String> wanted = java.util.Arrays.stream(types).map(EventType::ceType).collect(java.util.stream.Collectors.toSet());
        List<OutgoingRecord> matching = world.records().stream().filter(r -> wanted.contains(r.headers().get("ce_type"))).toList();
        return matching.get(random.nextInt(matching.size()));
    }

    private InputWorld.Anchor anchor() {
        return world.anchors().get(random.nextInt(world.anchors().size()));
    }

    /** A half hour no assignment of the anchor's plan ever covers: anchors run at most 150 minutes of their 3 hours. */
    private static String free(InputWorld.Anchor a) {
        return String.format("%02d:30", Integer.parseInt(a.start().substring(0, 2)) + 2);
    }

    private Map<String, String> headers(OutgoingRecord template, int n) {
        Map<String, String> headers = new LinkedHashMap<>(template.headers());
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put(CASE_HEADER, run + ":" + n);
        return headers;
    }

    private Poison poison(int n, String kind, OutgoingRecord template, Map<String, String> headers, byte[] payload, String code, String field) {
        return poison(n, kind, template, headers, payload, Set.of(code), field);
    }

    private Poison poison(int n, String kind, OutgoingRecord template, Map<String, String> headers, byte[] payload, Set<String> codes,
            String field) {
        return new Poison(run + ":" + n, kind, new OutgoingRecord(template.topic(), template.key(), headers, payload), codes, field,
                after(template));
    }

    private Poison poison(int n, String kind, String key, ContinuityEvent event, Map<String, Object> payload, String code, String field,
            int after) {
        EventType type = EventType.of(event);
        OutgoingRecord template = new OutgoingRecord(type.topic().topicName(), key,
                io.continuity.events.CloudEventCodec.ceHeaders(type.ceType(), "x", java.time.Instant.parse("2026-11-20T10:00:00Z"),
                        "urn:reliability"), new byte[0]);
        return new Poison(run + ":" + n, kind, new OutgoingRecord(template.topic(), key, headers(template, n), KafkaTestClient.json(payload)),
                Set.of(code), field, after);
    }

    /** A variant of a world record may follow anywhere after it (before it, a domain check could hit a missing parent). */
    private int after(OutgoingRecord template) {
        int index = world.records().indexOf(template);
        return index;
    }

    private Map<String, Object> payload(OutgoingRecord template) {
        try {
            return new LinkedHashMap<>(EventJson.mapper().readValue(template.payload(), new TypeReference<Map<String, Object>>() { }));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
