package io.continuity.override;

import static io.continuity.testing.Tokens.asScheduler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.continuity.events.CloudEventCodec;
import io.continuity.events.EventJson;
import io.continuity.events.OverrideApplied;
import io.continuity.inputs.CatalogAssetTable;
import io.continuity.messaging.TransientFailures;
import io.continuity.resolver.CatalogSnapshots;
import io.continuity.resolver.ChannelResolution;
import io.continuity.resolver.core.CatalogView;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.ScheduledChannel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Overrides end to end: REST in, PostgreSQL and continuity.overrides out, against the real broker and database. */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class OverrideIntegrationTest {

    private static final String HELD = "held-resolution";

    private static KafkaTestClient kafka;
    private static ScheduledChannel channel;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    CatalogAssetTable catalogTable;

    @Inject
    ChannelResolution resolution;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @BeforeEach
    void scheduleOnce() {
        if (channel == null) {
            channel = new ScheduledChannel().publish(kafka, new Db(dataSource));
        }
    }

    @Test
    void replacingAFrozenEventOnAirMakesANewVersionAndPublishesTheAppliedRecord() {
        Map<String, Object> onAir = asScheduler().get("/api/v1/channels/{c}/now", channel.channelId.toString()).then().statusCode(200)
                .extract().path("event");
        Response response = post(Map.of("action", "REPLACE", "target_event_uuid", onAir.get("uuid"), "asset_uuid", channel.special.toString(),
                "reason", "wrong episode", "requested_by", "ops"));
        response.then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("APPLIED"));
        String overrideId = response.path("override_id");
        Db db = new Db(dataSource);
        String current = "SELECT e.asset_uuid::text AS asset FROM broadcast_playlog_event e JOIN broadcast_schedule_day d "
                + "ON d.id = e.schedule_day_id AND d.superseded_at IS NULL WHERE e.channel_id = ? AND e.override_id = ?::uuid AND e.start_utc = ?::timestamptz";
        assertThat(db.rows(current, channel.channelId, overrideId, onAir.get("start_utc"))).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("asset", channel.special.toString()));
        // the version the override replaced keeps the target, untouched, for audit and as-of queries
        String previous = "SELECT count(*) FROM broadcast_playlog_event e JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id "
                + "WHERE e.uuid = ?::uuid AND d.superseded_at IS NOT NULL AND NOT e.is_overridden";
        assertThat(db.count(previous, onAir.get("uuid"))).isPositive();
        assertThat(db.count("SELECT count(*) FROM broadcast_playlog_event e JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id "
                + "AND d.superseded_at IS NULL WHERE e.uuid = ?::uuid", onAir.get("uuid"))).isZero();
        OverrideApplied applied = awaitApplied(overrideId);
        assertThat(applied.supersededEventUuids()).containsExactly(UUID.fromString((String) onAir.get("uuid")));
        assertThat(applied.events().get(0).assetUuid()).isEqualTo(channel.special);
        assertPlaylogCoversExactly(Instant.parse((String) onAir.get("start_utc")), Duration.ofHours(4));
    }

    @Test
    void breakingNewsJoinsTheInterruptedItemInProgress() {
        Map<String, Object> target = eventAt(Duration.ofHours(5).plusMinutes(5));
        Instant start = Instant.parse((String) target.get("start_utc")).plus(Duration.ofMinutes(5));
        post(Map.of("action", "INSERT", "asset_uuid", channel.special.toString(), "start_utc", start.toString(),
                "end_utc", start.plus(Duration.ofMinutes(4)).toString(), "resume", "JOIN_IN_PROGRESS", "reason", "breaking news",
                "requested_by", "newsdesk")).then().statusCode(201);
        List<Map<String, Object>> after = playlog(start.minus(Duration.ofMinutes(10)), Duration.ofMinutes(40));
        Map<String, Object> resumed = after.stream().filter(e -> e.get("start_utc").equals(start.plus(Duration.ofMinutes(4)).toString()))
                .findFirst().orElseThrow();
        assertThat(resumed.get("asset_uuid")).isEqualTo(target.get("asset_uuid"));
        assertThat(((Number) resumed.get("offset_ms")).longValue()).isEqualTo(Duration.ofMinutes(9).toMillis());
        assertPlaylogCoversExactly(start.minus(Duration.ofMinutes(30)), Duration.ofHours(2));
    }

    @Test
    void breakingNewsResumingAtTheNextEventKeepsTheNextItemOnTime() {
        Map<String, Object> target = eventAt(Duration.ofHours(7).plusMinutes(5));
        Instant start = Instant.parse((String) target.get("start_utc")).plus(Duration.ofMinutes(2));
        Instant targetEnd = Instant.parse((String) target.get("end_utc"));
        Map<String, Object> next = playlog(targetEnd, Duration.ofMinutes(1)).stream().filter(e -> targetEnd.toString().equals(e.get("start_utc")))
                .findFirst().orElseThrow();
        post(Map.of("action", "INSERT", "asset_uuid", channel.special.toString(), "start_utc", start.toString(),
                "end_utc", start.plus(Duration.ofMinutes(10)).toString(), "resume", "NEXT_EVENT", "reason", "breaking news",
                "requested_by", "newsdesk")).then().statusCode(201);
        List<Map<String, Object>> after = playlog(start, Duration.ofMinutes(40));
        assertThat(after).extracting(e -> e.get("kind")).startsWith("override", "gap");
        assertThat(after.get(2)).as("the item after the interrupted one's slate, on time").containsEntry("start_utc", next.get("start_utc"))
                .containsEntry("asset_uuid", next.get("asset_uuid")).containsEntry("kind", next.get("kind"));
        assertThat(after).noneMatch(e -> target.get("asset_uuid").equals(e.get("asset_uuid")) && !e.get("uuid").equals(target.get("uuid")));
        assertPlaylogCoversExactly(start.minus(Duration.ofMinutes(30)), Duration.ofHours(2));
    }

    @Test
    void cancelAndRetimeKeepExactCoverage() {
        Map<String, Object> first = eventAt(Duration.ofHours(9).plusMinutes(5));
        post(Map.of("action", "CANCEL", "target_event_uuid", first.get("uuid"), "reason", "rights issue", "requested_by", "ops"))
                .then().statusCode(201);
        Map<String, Object> second = eventAt(Duration.ofHours(10).plusMinutes(5));
        Instant newStart = Instant.parse((String) second.get("start_utc")).plus(Duration.ofMinutes(30));
        post(Map.of("action", "RETIME", "target_event_uuid", second.get("uuid"), "start_utc", newStart.toString(), "reason", "moved",
                "requested_by", "ops")).then().statusCode(201);
        assertThat(playlog(newStart, Duration.ofMinutes(1)).get(0).get("asset_uuid")).isEqualTo(second.get("asset_uuid"));
        assertPlaylogCoversExactly(Instant.parse((String) first.get("start_utc")).minus(Duration.ofMinutes(30)), Duration.ofHours(3));
    }

    @Test
    void anOverrideKeepsThePreviousVersionAsItWasAndChangesOnlyItsWindow() {
        Map<String, Object> target = eventAt(Duration.ofHours(3).plusMinutes(5));
        Db db = new Db(dataSource);
        // xmin is the id of the transaction that last wrote a row: a row written again gets a new one
        String sql = "SELECT e.uuid::text AS uuid, e.xmin::text AS xmin FROM broadcast_playlog_event e WHERE e.schedule_day_id = ?::uuid";
        String dayId = (String) target.get("schedule_day_id");
        Map<Object, Object> before = new java.util.HashMap<>();
        db.rows(sql, dayId).forEach(r -> before.put(r.get("uuid"), r.get("xmin")));
        String overrideId = post(Map.of("action", "REPLACE", "target_event_uuid", target.get("uuid"), "asset_uuid", channel.special.toString(),
                "reason", "rights issue", "requested_by", "ops")).then().statusCode(201).extract().path("override_id");
        OverrideApplied applied = awaitApplied(overrideId);
        Map<Object, Object> after = new java.util.HashMap<>();
        db.rows(sql, dayId).forEach(r -> after.put(r.get("uuid"), r.get("xmin")));
        assertThat(before).hasSizeGreaterThan(10);
        assertThat(after).as("the replaced version is not rewritten").isEqualTo(before);

        String newDay = "SELECT e.uuid::text AS uuid FROM broadcast_playlog_event e JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id "
                + "AND d.superseded_at IS NULL WHERE d.channel_id = ? AND d.broadcast_day = ?::date";
        java.util.Set<Object> next = new java.util.HashSet<>();
        db.rows(newDay, channel.channelId, target.get("broadcast_day")).forEach(r -> next.add(r.get("uuid")));
        java.util.Set<Object> expected = new java.util.HashSet<>(before.keySet());
        applied.supersededEventUuids().forEach(u -> expected.remove(u.toString()));
        applied.events().forEach(e -> expected.add(e.uuid().toString()));
        assertThat(applied.supersededEventUuids()).containsExactly(UUID.fromString((String) target.get("uuid")));
        assertThat(next).as("the new version is the old one with only the override's window changed").isEqualTo(expected);
    }

    @Test
    void twoConcurrentOverridesWithTheSameExpectedVersionOneIsRefused() throws Exception {
        Map<String, Object> target = eventAt(Duration.ofHours(12).plusMinutes(5));
        long version = new Db(dataSource).count("SELECT playlog_version FROM channel WHERE id = ?", channel.channelId);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("action", "REPLACE", "target_event_uuid", target.get("uuid"),
                "asset_uuid", channel.special.toString(), "reason", "race", "requested_by", "ops", "expected_version", version));
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> post(body).statusCode());
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> post(body).statusCode());
        assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(201, 409);
    }

    /**
     * A resolution of the channel computes without the channel's lock (decisions.md 20): an override sent while one is
     * held in the middle of computing is applied at once, and the resolution, which saw the inputs before it, cannot
     * store its versions over it (it fails as a conflict and is run again by the horizon worker, or finds nothing to change).
     */
    @Test
    void anOverrideIsAppliedWhileAResolutionOfItsChannelIsComputing() throws Exception {
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        QuarkusMock.installMockForType(new CatalogSnapshots(em, catalogTable) {
            @Override
            public CatalogView current() {
                if (Thread.currentThread().getName().equals(HELD)) {
                    computing.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.current();
            }
        }, CatalogSnapshots.class);
        CompletableFuture<Integer> held = new CompletableFuture<>();
        Thread resolving = new Thread(() -> {
            try {
                held.complete(QuarkusTransaction.requiringNew().call(() -> resolution.resolve(channel.channelId, clock.instant(),
                        new ChannelResolution.Scope(clock.instant(), "held in a test", null, List.of()))));
            } catch (RuntimeException e) {
                held.completeExceptionally(e);
            }
        }, HELD);
        resolving.start();
        try {
            assertThat(computing.await(30, TimeUnit.SECONDS)).as("the resolution reached the catalog").isTrue();
            Map<String, Object> target = eventAt(Duration.ofHours(6).plusMinutes(5));
            Instant start = Instant.parse((String) target.get("start_utc")).plus(Duration.ofMinutes(5));
            Response response = post(Map.of("action", "INSERT", "asset_uuid", channel.special.toString(), "start_utc", start.toString(),
                    "end_utc", start.plus(Duration.ofMinutes(3)).toString(), "resume", "NEXT_EVENT", "reason", "while resolving",
                    "requested_by", "newsdesk"));
            response.then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("APPLIED"));
            assertThat(held).as("the resolution is still computing").isNotDone();
            String overrideId = response.path("override_id");
            release.countDown();
            try {
                held.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                assertThat(TransientFailures.isConflict(e.getCause())).as("only a conflict may stop it: %s", e.getCause()).isTrue();
            }
            assertThat(new Db(dataSource).count("SELECT count(*) FROM broadcast_playlog_event e JOIN broadcast_schedule_day d "
                    + "ON d.id = e.schedule_day_id AND d.superseded_at IS NULL WHERE e.channel_id = ? AND e.override_id = ?::uuid",
                    channel.channelId, overrideId)).as("the override is in the current version").isPositive();
        } finally {
            release.countDown();
            resolving.join(60_000);
        }
    }

    @Test
    void invalidOverridesAreRefusedWithTheFieldNamed() {
        post(Map.of("action", "REPLACE", "reason", "x", "requested_by", "ops")).then().statusCode(400)
                .contentType("application/problem+json").body("field", org.hamcrest.Matchers.equalTo("target_event_uuid"));
        post(Map.of("action", "EXPLODE", "reason", "x", "requested_by", "ops")).then().statusCode(400)
                .contentType("application/problem+json").body("field", org.hamcrest.Matchers.equalTo("action"))
                .body("code", org.hamcrest.Matchers.equalTo("invalid_value"))
                .body("detail", org.hamcrest.Matchers.equalTo("must be one of REPLACE, INSERT, RETIME, CANCEL"));
        post(Map.of("action", 1, "reason", "x", "requested_by", "ops")).then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("action")).body("code", org.hamcrest.Matchers.equalTo("invalid_value"));
        post(Map.of("action", "CANCEL", "target_event_uuid", UUID.randomUUID().toString(), "reason", "x", "requested_by", "ops"))
                .then().statusCode(422).body("code", org.hamcrest.Matchers.equalTo("unknown_reference"));
        Map<String, String> headers = CloudEventCodec.ceHeaders("continuity.override.requested.v1", UUID.randomUUID().toString(),
                clock.instant(), "urn:test");
        headers.put("test-case", "override with unknown action");
        kafka.sendRaw("continuity.override-commands", channel.channelId.toString(), headers, ("{\"override_id\":\"" + UUID.randomUUID()
                + "\",\"channel_id\":\"" + channel.channelId + "\",\"action\":\"EXPLODE\",\"reason\":\"x\",\"requested_by\":\"ops\"}")
                .getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.readAll("continuity.override-commands.dlq", 1000, Duration.ofSeconds(1))
                .stream().anyMatch(r -> r.headers().lastHeader("test-case") != null
                        && "invalid_value".equals(new String(r.headers().lastHeader("dlq-reason").value(), StandardCharsets.UTF_8))));
    }

    private Response post(Map<String, Object> body) {
        return asScheduler().contentType(ContentType.JSON).body(body).post("/api/v1/channels/{c}/overrides", channel.channelId.toString());
    }

    /** The programme on air {@code after} the test clock's start, once no re-resolution can supersede it first. */
    private Map<String, Object> eventAt(Duration after) {
        new Db(dataSource).awaitNoPendingResolution();
        Instant at = Instant.parse(ContinuityTestResources.TEST_CLOCK_START).plus(after);
        return playlog(at, Duration.ofMinutes(1)).stream().filter(e -> "program".equals(e.get("kind"))).findFirst()
                .orElseGet(() -> playlog(at, Duration.ofMinutes(30)).stream().filter(e -> "program".equals(e.get("kind"))).findFirst()
                        .orElseThrow());
    }

    private static List<Map<String, Object>> playlog(Instant from, Duration length) {
        return asScheduler().queryParam("from", from.toString()).queryParam("to", from.plus(length).toString())
                .get("/api/v1/channels/{c}/playlog", channel.channelId.toString()).then().statusCode(200).extract().path("");
    }

    /**
     * The window [from, from + length) is covered once: the events returned (those overlapping it, an event in progress
     * at either bound whole) start at or before its start, end at or after its end, and each starts where the previous
     * ends.
     */
    private static void assertPlaylogCoversExactly(Instant from, Duration length) {
        List<Map<String, Object>> events = playlog(from, length);
        assertThat(events).as("events overlapping %s + %s", from, length).isNotEmpty();
        assertThat(Instant.parse((String) events.get(0).get("start_utc"))).as("the first event covers the window start")
                .isBeforeOrEqualTo(from);
        assertThat(Instant.parse((String) events.get(events.size() - 1).get("end_utc"))).as("the last event covers the window end")
                .isAfterOrEqualTo(from.plus(length));
        for (int i = 0; i < events.size(); i++) {
            assertThat(Instant.parse((String) events.get(i).get("end_utc"))).as("event %d ends after it starts", i)
                    .isAfter(Instant.parse((String) events.get(i).get("start_utc")));
            if (i > 0) {
                assertThat(events.get(i).get("start_utc")).as("event %d starts where %d ends", i, i - 1).isEqualTo(events.get(i - 1).get("end_utc"));
            }
        }
    }

    private static OverrideApplied awaitApplied(String overrideId) {
        List<OverrideApplied> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, byte[]> r : kafka.readAll("continuity.overrides", 10_000, Duration.ofSeconds(1))) {
                OverrideApplied applied = EventJson.mapper().readValue(r.value(), OverrideApplied.class);
                if (applied.overrideId().toString().equals(overrideId)) {
                    found.add(applied);
                    return true;
                }
            }
            return false;
        });
        return found.get(0);
    }
}
