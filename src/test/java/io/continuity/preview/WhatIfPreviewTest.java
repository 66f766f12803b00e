package io.continuity.preview;

import static io.continuity.testing.Tokens.asScheduler;
import static io.continuity.testing.Tokens.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.TextNode;

import io.continuity.api.Problem;
import io.continuity.events.AssetUpserted;
import io.continuity.events.AssignmentAdded;
import io.continuity.events.PlanCreated;
import io.continuity.resolver.core.AssetKind;
import io.continuity.resolver.core.EpisodePolicy;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.Fixtures;
import io.continuity.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * The what-if preview against the real broker and database: the previewed days are exactly what publishing the same
 * changes through the REST commands produces, nothing is stored by the preview, a refused change names its field, and
 * the version history names the inputs behind the new versions.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class WhatIfPreviewTest {

    private static KafkaTestClient kafka;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    /**
     * A channel whose broadcast day starts about 12 hours before now, with a 3-hour movie around now + the lock window:
     * the frozen prefix is the same whenever within the next hour the channel is resolved, so the days after today
     * depend only on the plans.
     */
    private record Scenario(UUID channel, UUID plan, UUID assignment, LocalDate today, List<UUID> drama, List<UUID> news) {
    }

    private Scenario scheduledChannel() {
        UUID channel = UUID.randomUUID();
        String tag = channel.toString().substring(0, 8);
        List<UUID> drama = episodes("drama-" + tag, 30);
        List<UUID> news = episodes("news-" + tag, 15);
        UUID movie = UUID.randomUUID();
        kafka.send(movie.toString(), new AssetUpserted(movie, "Long movie " + tag, AssetKind.MOVIE, 180L * 60_000, null, null, null, null, null,
                null, null, "drama", "TV-PG", List.of(), null, "ready", true, false, null));
        for (int f = 1; f <= 6; f++) {
            UUID filler = UUID.randomUUID();
            kafka.send(filler.toString(), Fixtures.filler(filler, 30_000L * f));
        }
        Db db = new Db(dataSource);
        await().atMost(Duration.ofSeconds(60)).until(() -> db.count("SELECT count(*) FROM catalog_asset WHERE title LIKE ?", "%" + tag + "%")
                == drama.size() + news.size() + 1);

        Instant now = clock.instant();
        int dayStartHour = (now.atZone(ZoneOffset.UTC).getHour() + 12) % 24;
        LocalDate today = now.minus(Duration.ofHours(dayStartHour)).atZone(ZoneOffset.UTC).toLocalDate();
        UUID plan = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        String key = channel.toString();
        kafka.send(key, Fixtures.channel(channel, "UTC", 30, List.of(0, 30), "%02d:00".formatted(dayStartHour)));
        kafka.send(key, new PlanCreated(plan, channel, "Every day", 10, "* * * * *", null, null, true, null));
        kafka.send(key, new AssignmentAdded(UUID.randomUUID(), plan, channel, "13:00", 180, io.continuity.resolver.core.ContentType.ASSET, new TextNode(movie.toString()),
                null, null, null, null, null));
        kafka.send(key, new AssignmentAdded(assignment, plan, channel, "02:00", 120, io.continuity.resolver.core.ContentType.SERIES, new TextNode("drama-" + tag), null,
                EpisodePolicy.SEQUENTIAL, null, null, null));
        await().atMost(Duration.ofSeconds(90)).until(() -> db.count("""
                SELECT count(*) FROM current_playlog_event WHERE channel_id = ? AND assignment_id = ?""", channel, assignment) >= 20
                && db.count("SELECT count(*) FROM broadcast_schedule_day WHERE channel_id = ? AND superseded_at IS NULL", channel) == 5);
        awaitResolved(db, channel);
        return new Scenario(channel, plan, assignment, today, drama, news);
    }

    @Test
    void publishingThePreviewedChangesProducesExactlyThePreviewedDays() {
        Scenario s = scheduledChannel();
        UUID evening = UUID.randomUUID();
        UUID news = UUID.randomUUID();
        String tag = s.channel().toString().substring(0, 8);
        Map<String, Object> moved = Map.of("start_time", "04:00", "duration", 120, "content_type", "series", "content_reference", "drama-" + tag,
                "episode_policy", "sequential");
        Map<String, Object> plan = Map.of("plan_id", evening.toString(), "name", "News", "priority", 20, "cron_expression", "* * * * *",
                "is_active", true);
        Map<String, Object> bulletin = Map.of("assignment_id", news.toString(), "start_time", "08:00", "duration", 60, "content_type", "series",
                "content_reference", "news-" + tag, "episode_policy", "sequential");
        List<Map<String, Object>> changes = List.of(
                Map.of("op", "update_assignment", "plan_id", s.plan().toString(), "assignment_id", s.assignment().toString(), "assignment", moved),
                Map.of("op", "create_plan", "plan", plan),
                Map.of("op", "add_assignment", "plan_id", evening.toString(), "assignment", bulletin));
        Db db = new Db(dataSource);
        long versionsBefore = db.count("SELECT count(*) FROM broadcast_schedule_day WHERE channel_id = ?", s.channel());

        JsonPath preview = preview(s.channel(), Map.of("from", s.today().plusDays(1).toString(), "days", 2, "changes", changes))
                .statusCode(200).extract().jsonPath();

        assertThat(Duration.between(Instant.parse(preview.getString("decided_at")), Instant.parse(preview.getString("locked_until"))))
                .isEqualTo(Duration.ofHours(2));
        assertThat(preview.getList("days.broadcast_day", String.class))
                .containsExactly(s.today().plusDays(1).toString(), s.today().plusDays(2).toString());
        assertThat(preview.getList("days.changed", Boolean.class)).containsOnly(true);
        for (int d = 0; d < 2; d++) {
            String day = "days[" + d + "].";
            assertThat(preview.getInt(day + "current.version")).isPositive();
            assertThat(preview.getList(day + "diff.moved.asset_uuid", String.class)).hasSize(4)
                    .allSatisfy(asset -> assertThat(s.drama()).contains(UUID.fromString(asset)));
            List<Map<String, Object>> events = preview.getList(day + "events");
            List<String> bulletins = events.stream().filter(e -> news.toString().equals(e.get("assignment_id")) && "program".equals(e.get("kind")))
                    .map(e -> (String) e.get("asset_uuid")).toList();
            assertThat(bulletins).hasSize(2);
            assertThat(preview.getList(day + "diff.added.asset_uuid", String.class)).containsAll(bulletins);
        }
        assertThat(db.count("SELECT count(*) FROM broadcast_schedule_day WHERE channel_id = ?", s.channel()))
                .as("a preview stores no version").isEqualTo(versionsBefore);
        asScheduler().get("/api/v1/channels/{c}/plans/{p}", s.channel(), evening).then().statusCode(404);
        asScheduler().get("/api/v1/plans/{p}/assignments/{a}", s.plan(), s.assignment()).then().statusCode(200)
                .body("start_time", equalTo("02:00"));

        asScheduler().contentType(ContentType.JSON).body(moved).put("/api/v1/plans/{p}/assignments/{a}", s.plan(), s.assignment()).then()
                .statusCode(200);
        asScheduler().contentType(ContentType.JSON).body(plan).post("/api/v1/channels/{c}/plans", s.channel()).then().statusCode(201);
        asScheduler().contentType(ContentType.JSON).body(bulletin).post("/api/v1/plans/{p}/assignments", evening).then().statusCode(201);
        awaitResolved(db, s.channel());

        for (int d = 0; d < 2; d++) {
            String day = preview.getString("days[" + d + "].broadcast_day");
            JsonPath published = asScheduler().get("/api/v1/channels/{c}/schedule-days/{d}", s.channel(), day).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(published.getInt("version")).isGreaterThan(preview.getInt("days[" + d + "].current.version"));
            assertThat(identities(published, "events")).as(day).isEqualTo(identities(preview, "days[" + d + "].events"));
            history(s, preview, d, published.getInt("version"));
        }
    }

    /** The versions of the day name the inputs behind the newest, and the diff to it is the one the preview showed. */
    private void history(Scenario s, JsonPath preview, int d, int newest) {
        String day = preview.getString("days[" + d + "].broadcast_day");
        JsonPath versions = asViewer().get("/api/v1/channels/{c}/schedule-days/{d}/versions", s.channel(), day).then().statusCode(200)
                .extract().jsonPath();
        int last = versions.getList("version").size() - 1;
        assertThat(versions.getInt("[" + last + "].version")).isEqualTo(newest);
        assertThat(versions.getString("[" + last + "].decision.kind")).isEqualTo("RESOLUTION");
        assertThat(versions.getString("[" + last + "].decision.decision_id")).isNotNull();
        assertThat(versions.getList("[" + last + "].inputs.source", String.class)).contains("plan");
        assertThat(versions.getList("[" + last + "].inputs.ce_type", String.class)).contains("continuity.assignment.added.v1");
        assertThat(versions.getList("[" + last + "].inputs.findAll { it.source == 'plan' }.event_id", String.class)).doesNotContainNull();
        int before = preview.getInt("days[" + d + "].current.version");
        JsonPath diff = asViewer().queryParam("from", before).queryParam("to", newest)
                .get("/api/v1/channels/{c}/schedule-days/{d}/diff", s.channel(), day).then().statusCode(200).extract().jsonPath();
        String previewed = "days[" + d + "].diff.";
        assertThat(diff.getList("added.uuid", String.class)).containsExactlyInAnyOrderElementsOf(preview.getList(previewed + "added.uuid", String.class));
        assertThat(diff.getList("removed.uuid", String.class))
                .containsExactlyInAnyOrderElementsOf(preview.getList(previewed + "removed.uuid", String.class));
        assertThat(diff.getList("moved.uuid", String.class)).containsExactlyInAnyOrderElementsOf(preview.getList(previewed + "moved.uuid", String.class));
        assertThat(diff.getList("moved.from_uuid", String.class)).doesNotContainNull();
    }

    @Test
    void aChangeItsRestCommandWouldRefuseIsA400NamingTheChangeAndField() {
        UUID channel = UUID.randomUUID();
        kafka.send(channel.toString(), Fixtures.channel(channel, "UTC", 30, List.of(0, 30), "06:00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> asScheduler().get("/api/v1/channels/{c}", channel).statusCode() == 200);
        UUID plan = UUID.randomUUID();
        List<Map<String, Object>> offGrid = List.of(
                Map.of("op", "create_plan", "plan", Map.of("plan_id", plan.toString(), "name", "P", "priority", 1, "cron_expression", "* * * * *",
                        "is_active", true)),
                Map.of("op", "add_assignment", "plan_id", plan.toString(), "assignment", Map.of("assignment_id", UUID.randomUUID().toString(),
                        "start_time", "04:10", "duration", 60, "content_type", "series", "content_reference", "x")));
        preview(channel, Map.of("changes", offGrid)).statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("changes[1].assignment.start_time")).body("code", equalTo("off_grid_start"));

        List<Map<String, Object>> unknownPlan = List.of(Map.of("op", "retire_plan", "plan_id", plan.toString()));
        preview(channel, Map.of("changes", unknownPlan)).statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("changes[0].plan_id"));
        preview(channel, Map.of("days", 15)).statusCode(400).body("field", equalTo("days"));
        preview(channel, Map.of("from", "2001-01-01")).statusCode(400).body("field", equalTo("from"));
        asViewer().contentType(ContentType.JSON).body(Map.of("changes", List.of())).post("/api/v1/channels/{c}/preview", channel).then()
                .statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse preview(UUID channel, Map<String, Object> body) {
        return asScheduler().contentType(ContentType.JSON).body(body).post("/api/v1/channels/{c}/preview", channel).then();
    }

    /** What must be equal between the preview and the published day: each event's uuid, asset, kind and times. */
    private static List<Map<String, Object>> identities(JsonPath json, String path) {
        List<Map<String, Object>> events = json.getList(path);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> e : events) {
            Map<String, Object> identity = new LinkedHashMap<>();
            for (String field : List.of("uuid", "asset_uuid", "kind", "start_utc", "end_utc", "offset_ms", "assignment_id", "plan_id")) {
                identity.put(field, e.get(field));
            }
            out.add(identity);
        }
        return out;
    }

    /** No resolution pending for the channel, twice in a row (a command's request is written with its projection). */
    private static void awaitResolved(Db db, UUID channel) {
        int[] quiet = {0};
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            quiet[0] = db.count("SELECT count(*) FROM resolution_request WHERE channel_id = ?", channel) == 0 ? quiet[0] + 1 : 0;
            return quiet[0] >= 2;
        });
    }

    private static List<UUID> episodes(String series, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int e = 1; e <= count; e++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            kafka.send(id.toString(), Fixtures.episode(id, series, 1, e));
        }
        return ids;
    }
}
