package io.continuity.playlog;

import static io.continuity.testing.Tokens.asScheduler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.events.EventJson;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.ScheduledChannel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The playlog range and {@code now} answered from memory (docs/decisions.md 16): byte for byte what the database path
 * writes, with an ETag that stays while the versions stay, and never stale once a new version commits — on this
 * instance, or written by another one (here: plain SQL on another connection, which only the database's notification
 * can tell this instance about).
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class ScheduleQueriesFromMemoryTest {

    private static KafkaTestClient kafka;
    private static ScheduledChannel channel;

    @Inject
    DataSource dataSource;

    @Inject
    PlaylogReader reader;

    @Inject
    ScheduleCache cache;

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

    @BeforeEach
    void scheduleOnce() {
        if (channel == null) {
            channel = new ScheduledChannel().publish(kafka, new Db(dataSource));
        }
        await().atMost(Duration.ofSeconds(30)).until(cache::serving);
        // another test's channel brings its own catalog, which re-resolves this one too: let that finish first, or a version it
        // makes meanwhile supersedes what the next test reads or writes
        Db db = new Db(dataSource);
        await().atMost(Duration.ofSeconds(60)).until(() -> db.count("SELECT count(*) FROM resolution_request WHERE channel_id = ?",
                channel.channelId) == 0);
    }

    @Test
    void rangesAreAnsweredFromMemoryExactlyAsTheDatabaseAnswersThem() throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<Instant[]> ranges = List.of(
                new Instant[] {now, now.plus(Duration.ofDays(1))},
                new Instant[] {now.plusSeconds(17 * 60 + 3), now.plus(Duration.ofHours(3)).plusMillis(250)},
                new Instant[] {now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3))},
                new Instant[] {now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(31))});
        for (Instant[] range : ranges) {
            Response answer = playlog(range[0], range[1], null);
            answer.then().statusCode(200);
            assertThat(answer.header("ETag")).as("answered from memory (only that path has a tag)").isNotNull();
            assertThat(answer.asString()).as("%s to %s", range[0], range[1]).isEqualTo(fromDatabase(range[0], range[1]));
        }
        assertThat(playlog(now, now.plus(Duration.ofDays(1)), null).jsonPath().getList("$")).hasSizeGreaterThan(40);
    }

    @Test
    void aNewChannelsDaysAreInMemoryBeforeAnyoneAsks() {
        ScheduledChannel fresh = new ScheduledChannel().publish(kafka, new Db(dataSource));
        // nothing asks for this channel's schedule: only the warmer can load it
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.holds(fresh.channelId, clock.instant()));
    }

    @Test
    void nowFromMemoryIsWhatTheDatabaseHolds() throws IOException {
        JsonNode body = EventJson.mapper().readTree(asScheduler().get("/api/v1/channels/{c}/now", channel.channelId.toString())
                .then().statusCode(200).extract().asString());
        Instant at = Instant.parse(body.get("at_utc").asText());
        JsonNode events = EventJson.mapper().readTree(fromDatabase(at, at.plus(Duration.ofHours(12))));
        assertThat(body.get("event")).isEqualTo(events.get(0));
        assertThat(body.get("next")).isEqualTo(events.get(1));
        long into = Duration.between(Instant.parse(events.get(0).get("start_utc").asText()), at).toMillis();
        assertThat(body.get("offset_into_event_ms").asLong()).isEqualTo(into);
        assertThat(body.get("position_in_asset_ms").asLong()).isEqualTo(events.get(0).get("offset_ms").asLong() + into);
    }

    @Test
    void aConditionalGetIsNotModifiedUntilAnOverrideMakesANewVersion() throws IOException {
        Instant from = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(2));
        Instant to = from.plus(Duration.ofHours(6));
        Response first = playlog(from, to, null);
        String tag = first.header("ETag");
        playlog(from, to, tag).then().statusCode(304);
        playlog(from, to, "W/" + tag + ", \"other\"").then().statusCode(304);

        Map<String, Object> target = first.jsonPath().getMap("[2]");
        asScheduler().contentType("application/json").body(Map.of("action", "REPLACE", "target_event_uuid", target.get("uuid"),
                "asset_uuid", channel.special.toString(), "reason", "cache test", "requested_by", "ops"))
                .post("/api/v1/channels/{c}/overrides", channel.channelId.toString()).then().statusCode(201);

        // the command answers once its version committed, so this instance already forgot the old one
        Response after = playlog(from, to, tag);
        after.then().statusCode(200);
        assertThat(after.header("ETag")).isNotEqualTo(tag);
        assertThat(after.asString()).contains(channel.special.toString()).isEqualTo(fromDatabase(from, to));
    }

    @Test
    void aVersionAnotherInstanceWritesIsServedOnceItsCommitIsNotified() throws SQLException, IOException {
        Instant from = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(2));
        Instant to = from.plus(Duration.ofHours(4));
        String before = playlog(from, to, null).then().statusCode(200).extract().asString();
        assertThat(before).doesNotContain("Written elsewhere");

        writeNewVersionElsewhere(from, "Written elsewhere");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(playlog(from, to, null).asString()).contains("Written elsewhere"));
        assertThat(playlog(from, to, null).asString()).isEqualTo(fromDatabase(from, to));
    }

    /** What another instance's writer would do: supersede the day covering {@code at} and store a retitled copy. */
    private void writeNewVersionElsewhere(Instant at, String title) throws SQLException {
        UUID next = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            UUID current;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT id FROM broadcast_schedule_day WHERE channel_id = ? AND superseded_at IS NULL AND day_start_utc <= ? AND day_end_utc > ?""")) {
                s.setObject(1, channel.channelId);
                s.setObject(2, at.atOffset(java.time.ZoneOffset.UTC));
                s.setObject(3, at.atOffset(java.time.ZoneOffset.UTC));
                var rs = s.executeQuery();
                assertThat(rs.next()).as("a current day covers %s", at).isTrue();
                current = rs.getObject(1, UUID.class);
            }
            update(c, "UPDATE broadcast_schedule_day SET superseded_at = now() WHERE id = ?", current);
            update(c, """
                    INSERT INTO broadcast_schedule_day (id, channel_id, broadcast_day, version, plan_lineage, seed, seed_generation, day_start_utc,
                        day_end_utc, replaces_from_utc, decisions, causes, created_at)
                    SELECT ?, channel_id, broadcast_day, version + 1, plan_lineage, seed, seed_generation, day_start_utc, day_end_utc,
                        day_start_utc, decisions, causes, now() FROM broadcast_schedule_day WHERE id = ?""", next, current);
            update(c, """
                    INSERT INTO broadcast_playlog_event (uuid, channel_id, schedule_day_id, asset_uuid, kind, start_utc, end_utc, broadcast_day,
                        offset_ms, assignment_id, plan_id, title, fallback, is_frozen, is_overridden, override_id, created_at)
                    SELECT uuid, channel_id, ?, asset_uuid, kind, start_utc, end_utc, broadcast_day, offset_ms, assignment_id, plan_id,
                        '%s', fallback, is_frozen, is_overridden, override_id, now()
                    FROM broadcast_playlog_event WHERE schedule_day_id = ?""".formatted(title), next, current);
            c.commit();
        }
    }

    private static void update(Connection c, String sql, UUID... ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.length; i++) {
                s.setObject(i + 1, ids[i]);
            }
            assertThat(s.executeUpdate()).as(sql).isPositive();
        }
    }

    private static Response playlog(Instant from, Instant to, String ifNoneMatch) {
        var request = asScheduler().queryParam("from", from.toString()).queryParam("to", to.toString());
        if (ifNoneMatch != null) {
            request = request.header("If-None-Match", ifNoneMatch);
        }
        return request.get("/api/v1/channels/{c}/playlog", channel.channelId.toString());
    }

    private String fromDatabase(Instant from, Instant to) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reader.writeCurrent(channel.channelId, from, to, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
