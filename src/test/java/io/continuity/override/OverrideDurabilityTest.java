package io.continuity.override;

import static io.continuity.testing.Tokens.asScheduler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.TextNode;

import io.continuity.events.AssignmentUpdated;
import io.continuity.events.DayPublished;
import io.continuity.events.EventJson;
import io.continuity.events.OverrideApplied;
import io.continuity.events.PlaylogEventPayload;
import io.continuity.resolver.ResolutionRequests;
import io.continuity.resolver.core.EpisodePolicy;
import io.continuity.simulator.Timeline;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.Fixtures;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.ScheduledChannel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * An applied override is an input of every later resolution: catalog changes, a plan change that re-chooses every
 * programme, and a horizon roll leave it in the newest published day, in the REST playlog and in the current version,
 * and every change to what airs is a new ScheduleDay version (so {@code as_of} before an override does not show it).
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class OverrideDurabilityTest {

    private static KafkaTestClient kafka;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    ResolutionRequests requests;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void overridesSurviveCatalogChangesAPlanChangeAndARoll() {
        Db db = new Db(dataSource);
        ScheduledChannel channel = new ScheduledChannel().publish(kafka, db);
        String key = channel.channelId.toString();
        Instant now = clock.instant();

        Map<String, Object> target = firstProgrammeFrom(channel.channelId, now.plus(Duration.ofHours(36)));
        JsonPath replace = override(channel.channelId, Map.of("action", "REPLACE", "target_event_uuid", target.get("uuid"),
                "asset_uuid", channel.special.toString(), "reason", "wrong episode", "requested_by", "ops"));
        Map<String, Object> interrupted = firstProgrammeFrom(channel.channelId, now.plus(Duration.ofHours(40)));
        Instant newsStart = Instant.parse((String) interrupted.get("start_utc")).plus(Duration.ofMinutes(5));
        JsonPath insert = override(channel.channelId, Map.of("action", "INSERT", "asset_uuid", channel.special.toString(),
                "start_utc", newsStart.toString(), "end_utc", newsStart.plus(Duration.ofMinutes(3)).toString(), "resume", "JOIN_IN_PROGRESS",
                "reason", "breaking news", "requested_by", "ops"));
        // what the overrides themselves air: the replacement and its slate, the news; the pieces of the interrupted programme
        // around the news follow whatever the newest resolution puts there
        List<Map<String, Object>> overrideEvents = new ArrayList<>();
        for (JsonPath applied : List.of(replace, insert)) {
            applied.<Map<String, Object>>getList("events").stream().filter(e -> "override".equals(e.get("kind")) || "gap".equals(e.get("kind")))
                    .forEach(overrideEvents::add);
        }
        assertThat(overrideEvents).extracting(e -> e.get("kind")).containsExactly("override", "gap", "override");

        for (int i = 0; i < 4; i++) {
            UUID filler = UUID.randomUUID();
            kafka.send(filler.toString(), Fixtures.filler(filler, 20_000L + i * 1_000L));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM catalog_asset WHERE uuid = ?", filler) == 1);
        }
        UUID assignment = UUID.fromString(String.valueOf(db.value("SELECT id::text FROM schedule_plan_block_assignments WHERE plan_id = ?",
                channel.planId)));
        kafka.send(key, new AssignmentUpdated(assignment, channel.planId, channel.channelId, "00:00", 1440, io.continuity.resolver.core.ContentType.SERIES,
                new TextNode(channel.series), null, EpisodePolicy.RANDOM, null, null, null));
        QuarkusTransaction.requiringNew().run(() -> requests.request(channel.channelId, 0, "horizon roll", clock.instant()));
        await().atMost(Duration.ofSeconds(60)).until(() -> db.count("SELECT count(*) FROM resolution_request WHERE channel_id = ?",
                channel.channelId) == 0 && db.count("SELECT count(*) FROM schedule_plan_block_assignments WHERE id = ? AND episode_policy = 'random'",
                assignment) == 1);

        Map<LocalDate, DayPublished> newest = new TreeMap<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            newest.clear();
            newest.putAll(newestPublished(key));
            return newest.values().stream().allMatch(d -> d.version() == ((Number) db.value(
                    "SELECT version FROM broadcast_schedule_day WHERE channel_id = ? AND broadcast_day = ?::date AND superseded_at IS NULL",
                    channel.channelId, d.broadcastDay().toString())).intValue());
        });
        List<PlaylogEventPayload> published = newest.values().stream().flatMap(d -> d.events().stream()).toList();
        List<Map<String, Object>> rest = playlog(channel.channelId, now.plus(Duration.ofHours(30)), now.plus(Duration.ofHours(48)));
        for (Map<String, Object> made : overrideEvents) {
            UUID uuid = UUID.fromString((String) made.get("uuid"));
            assertThat(published).as("newest published days carry %s", made).filteredOn(e -> e.uuid().equals(uuid)).singleElement()
                    .satisfies(e -> {
                        assertThat(e.startUtc()).isEqualTo(Instant.parse((String) made.get("start_utc")));
                        assertThat(e.endUtc()).isEqualTo(Instant.parse((String) made.get("end_utc")));
                        assertThat(e.assetUuid() == null ? null : e.assetUuid().toString()).isEqualTo(made.get("asset_uuid"));
                    });
            assertThat(rest).as("REST playlog carries %s", made).filteredOn(e -> made.get("uuid").equals(e.get("uuid"))).singleElement()
                    .satisfies(e -> assertThat(e.get("override_id")).isNotNull());
        }
        assertThat(published).filteredOn(e -> e.uuid().equals(UUID.fromString((String) target.get("uuid")))).isEmpty();
        // the reference ChannelManager's timeline, fed every playlog and override record of the channel as delivered
        Timeline timeline = referenceTimeline(key);
        assertThat(published).as("the ChannelManager's timeline is the newest published days").allSatisfy(e ->
                assertThat(timeline.at(e.startUtc())).hasValue(e));
        for (Map<String, Object> made : overrideEvents) {
            Instant start = Instant.parse((String) made.get("start_utc"));
            assertThat(timeline.at(start)).as("the ChannelManager airs %s", made).hasValueSatisfying(e -> {
                assertThat(e.uuid().toString()).isEqualTo(made.get("uuid"));
                assertThat(e.endUtc()).isEqualTo(Instant.parse((String) made.get("end_utc")));
            });
        }
        // the plan change re-chose the programmes around the overrides: the overrides were applied to a new resolution
        assertThat(newest.values()).allSatisfy(d -> assertThat(d.version()).isGreaterThan(1));
    }

    @Test
    void everyOverrideIsANewVersionThatNamesItsCauseAndAsOfBeforeItDoesNotShowIt() {
        Db db = new Db(dataSource);
        ScheduledChannel channel = new ScheduledChannel().publish(kafka, db);
        Map<String, Object> target = firstProgrammeFrom(channel.channelId, clock.instant().plus(Duration.ofHours(20)));
        String day = (String) target.get("broadcast_day");
        int before = asScheduler().get("/api/v1/channels/{c}/schedule-days/{d}", channel.channelId, day).then().statusCode(200)
                .extract().path("version");
        Instant beforeOverride = clock.instant();
        JsonPath applied = override(channel.channelId, Map.of("action", "CANCEL", "target_event_uuid", target.get("uuid"), "reason", "rights",
                "requested_by", "ops"));

        JsonPath current = asScheduler().get("/api/v1/channels/{c}/schedule-days/{d}", channel.channelId, day).then().statusCode(200)
                .extract().jsonPath();
        assertThat(current.getInt("version")).isEqualTo(before + 1);
        assertThat(current.getList("causes", String.class)).containsExactly("override:" + applied.getString("override_id"));
        assertThat(current.getList("events.uuid", String.class)).doesNotContain((String) target.get("uuid"));
        JsonPath asOf = asScheduler().queryParam("as_of", beforeOverride.toString())
                .get("/api/v1/channels/{c}/schedule-days/{d}", channel.channelId, day).then().statusCode(200).extract().jsonPath();
        assertThat(asOf.getInt("version")).isEqualTo(before);
        assertThat(asOf.getList("events.uuid", String.class)).contains((String) target.get("uuid"));

        JsonPath versions = asScheduler().get("/api/v1/channels/{c}/schedule-days/{d}/versions", channel.channelId, day).then()
                .statusCode(200).extract().jsonPath();
        assertThat(versions.getList("version", Integer.class)).endsWith(before, before + 1);
        JsonPath diff = asScheduler().queryParam("from", before).queryParam("to", before + 1)
                .get("/api/v1/channels/{c}/schedule-days/{d}/diff", channel.channelId, day).then().statusCode(200).extract().jsonPath();
        assertThat(diff.getList("removed.uuid", String.class)).containsExactly((String) target.get("uuid"));
        assertThat(diff.getList("added.kind", String.class)).containsExactly("gap");
        assertThat(diff.getList("added.start_utc", String.class)).containsExactly((String) target.get("start_utc"));
        asScheduler().queryParam("from", before).get("/api/v1/channels/{c}/schedule-days/{d}/diff", channel.channelId, day).then()
                .statusCode(400).contentType("application/problem+json").body("field", org.hamcrest.Matchers.equalTo("to"));
    }

    private static JsonPath override(UUID channelId, Map<String, Object> body) {
        return asScheduler().contentType(ContentType.JSON).body(body).post("/api/v1/channels/{c}/overrides", channelId).then()
                .statusCode(201).extract().jsonPath();
    }

    private static Map<String, Object> firstProgrammeFrom(UUID channelId, Instant from) {
        return playlog(channelId, from, from.plus(Duration.ofHours(3))).stream()
                .filter(e -> "program".equals(e.get("kind")) && !Instant.parse((String) e.get("start_utc")).isBefore(from))
                .findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> playlog(UUID channelId, Instant from, Instant to) {
        return asScheduler().queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/channels/{c}/playlog", channelId).then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** A reference ChannelManager's timeline fed the channel's playlog and override records in the order they were published. */
    private static Timeline referenceTimeline(String key) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (String topic : List.of("continuity.playlog", "continuity.overrides")) {
            kafka.readAll(topic, 100_000, Duration.ofSeconds(2)).stream().filter(r -> key.equals(r.key())).forEach(records::add);
        }
        records.sort(java.util.Comparator.comparingLong(ConsumerRecord::timestamp));
        Timeline timeline = new Timeline();
        try {
            for (ConsumerRecord<String, byte[]> r : records) {
                if ("continuity.playlog".equals(r.topic())) {
                    timeline.apply(EventJson.mapper().readValue(r.value(), DayPublished.class));
                } else {
                    timeline.apply(EventJson.mapper().readValue(r.value(), OverrideApplied.class));
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return timeline;
    }

    private static Map<LocalDate, DayPublished> newestPublished(String key) {
        Map<LocalDate, DayPublished> byDay = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : kafka.readAll("continuity.playlog", 100_000, Duration.ofSeconds(2))) {
            if (key.equals(r.key())) {
                try {
                    DayPublished d = EventJson.mapper().readValue(r.value(), DayPublished.class);
                    byDay.merge(d.broadcastDay(), d, (a, b) -> a.version() >= b.version() ? a : b);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return byDay;
    }
}
