package io.continuity.channel;

import static io.continuity.testing.Tokens.asScheduler;
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

import io.continuity.events.AssignmentAdded;
import io.continuity.events.ChannelConfigured;
import io.continuity.events.PlanCreated;
import io.continuity.resolver.core.EpisodePolicy;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.Fixtures;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.ScheduledChannel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Time-shifted ("+1") channels end to end, against the real broker and database: what the copy airs is always its
 * source's schedule an hour later — after an override of the source, after a plan change that comes after the override,
 * and whichever of the copy and the source's plans arrives first.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class TimeShiftedChannelTest {

    private static final Duration OFFSET = Duration.ofMinutes(60);

    private static KafkaTestClient kafka;
    private static ScheduledChannel shared;

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

    /** One source for the tests (publishing and resolving one takes seconds); none of them retires it. */
    private ScheduledChannel source() {
        if (shared == null) {
            shared = new ScheduledChannel().publish(kafka, new Db(dataSource));
        }
        return shared;
    }

    @Test
    void aPlusOneChannelAirsItsSourceAnHourLaterAndFollowsItsOverridesAndLaterPlanChanges() {
        ScheduledChannel source = source();
        UUID copy = UUID.randomUUID();
        asScheduler().contentType(ContentType.JSON).body(copyOf(source.channelId, copy, "plus-one-" + copy.toString().substring(0, 8)))
                .post("/api/v1/channels").then().statusCode(201)
                .body("time_shift.source_channel_id", equalTo(source.channelId.toString())).body("time_shift.offset_minutes", equalTo(60));
        awaitCopyIsShiftedSource(source.channelId, copy);
        assertGuideIsShiftedSource(source.channelId, copy);

        // an override of the source at short notice (inside the lock window of both) reaches the copy an hour later
        Instant insert = clock.instant().plus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        String override = asScheduler().contentType(ContentType.JSON).body(Map.of("action", "INSERT", "asset_uuid", source.special.toString(),
                "start_utc", insert.toString(), "end_utc", insert.plus(Duration.ofMinutes(4)).toString(), "resume", "JOIN_IN_PROGRESS",
                "reason", "breaking news", "requested_by", "newsdesk"))
                .post("/api/v1/channels/{c}/overrides", source.channelId.toString()).then().statusCode(201).extract().path("override_id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(playlog(copy, insert.plus(OFFSET), Duration.ofMinutes(1)))
                .anySatisfy(e -> assertThat(e).containsEntry("asset_uuid", source.special.toString())
                        .containsEntry("start_utc", insert.plus(OFFSET).toString())));
        awaitCopyIsShiftedSource(source.channelId, copy);

        // a plan change after the override: tomorrow 20:00 UTC (schedule-time 14:00 from the 06:00 day start) on the source, 21:00 on the copy
        UUID plan = UUID.fromString(asScheduler().contentType(ContentType.JSON).body(Map.of("name", "Evening special", "priority", 20,
                "cron_expression", "* * * * *", "is_active", true))
                .post("/api/v1/channels/{c}/plans", source.channelId.toString()).then().statusCode(201).extract().path("plan_id"));
        UUID special = source.episodes.get(source.episodes.size() - 1);
        asScheduler().contentType(ContentType.JSON).body(Map.of("start_time", "14:00", "duration", 30, "content_type", "asset",
                "content_reference", special.toString(), "episode_policy", "sequential"))
                .post("/api/v1/plans/{p}/assignments", plan.toString()).then().statusCode(201);
        Instant evening = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1).atTime(20, 0).toInstant(ZoneOffset.UTC);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(playlog(source.channelId, evening, Duration.ofMinutes(1)))
                .anySatisfy(e -> assertThat(e).containsEntry("asset_uuid", special.toString())));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(playlog(copy, evening.plus(OFFSET), Duration.ofMinutes(1)))
                .anySatisfy(e -> assertThat(e).containsEntry("asset_uuid", special.toString())));
        awaitCopyIsShiftedSource(source.channelId, copy);
        assertThat(playlog(copy, insert.plus(OFFSET), Duration.ofMinutes(1))).as("the override, still on the copy")
                .anySatisfy(e -> assertThat(e).containsEntry("asset_uuid", source.special.toString()));
        assertThat(new Db(dataSource).count("""
                SELECT count(*) FROM broadcast_schedule_day WHERE channel_id = ? AND causes::text LIKE ?""", copy, "%override:" + override + "%"))
                .as("the copy's version that took the override names it among its causes").isOne();
    }

    @Test
    void aCopyConfiguredBeforeItsSourceHasPlansEndsTheSameAsOneConfiguredAfter() {
        UUID sourceId = UUID.randomUUID();
        UUID copy = UUID.randomUUID();
        String series = seriesAndChannel("early", sourceId);
        ChannelConfigured base = Fixtures.channel(copy, "Europe/London", 30, List.of(0, 30), "05:00");
        kafka.send(copy.toString(), new ChannelConfigured(copy, base.slug(), "Early +1", base.timezone(), base.gridBlockMinutes(),
                base.blockStartOffsetsMinutes(), base.programmingDayStart(), base.fillerRule(), null, null,
                new ChannelConfigured.TimeShift(sourceId, 60)));
        Db db = new Db(dataSource);
        await().atMost(Duration.ofSeconds(60)).until(() -> db.count("""
                SELECT count(*) FROM broadcast_schedule_day WHERE channel_id = ? AND superseded_at IS NULL""", copy) > 0);
        planAllDay(sourceId, series);
        awaitCopyIsShiftedSource(sourceId, copy);
    }

    @Test
    void aCopyTakesNoPlansOrOverridesOfItsOwn() {
        ScheduledChannel source = source();
        UUID copy = UUID.randomUUID();
        asScheduler().contentType(ContentType.JSON).body(copyOf(source.channelId, copy, "copy-" + copy.toString().substring(0, 8)))
                .post("/api/v1/channels").then().statusCode(201);
        asScheduler().contentType(ContentType.JSON).body(Map.of("name", "Own plan", "priority", 10, "cron_expression", "* * * * *",
                "is_active", true)).post("/api/v1/channels/{c}/plans", copy.toString())
                .then().statusCode(400).body("field", equalTo("channel_id"));
        Instant at = clock.instant().plus(Duration.ofHours(2));
        asScheduler().contentType(ContentType.JSON).body(Map.of("action", "INSERT", "asset_uuid", source.special.toString(),
                "start_utc", at.toString(), "end_utc", at.plus(Duration.ofMinutes(4)).toString(), "resume", "JOIN_IN_PROGRESS",
                "reason", "test", "requested_by", "ops"))
                .post("/api/v1/channels/{c}/overrides", copy.toString()).then().statusCode(400).body("field", equalTo("channel_id"));
        UUID other = UUID.randomUUID();
        asScheduler().contentType(ContentType.JSON).body(copyOf(other, other, "self-" + other.toString().substring(0, 8)))
                .post("/api/v1/channels").then().statusCode(400).body("field", equalTo("time_shift.source_channel_id"));
        Map<String, Object> zero = copyOf(source.channelId, other, "zero-" + other.toString().substring(0, 8));
        zero.put("time_shift", Map.of("source_channel_id", source.channelId.toString(), "offset_minutes", 0));
        asScheduler().contentType(ContentType.JSON).body(zero).post("/api/v1/channels").then().statusCode(400)
                .body("field", equalTo("time_shift.offset_minutes"));
        asScheduler().contentType(ContentType.JSON).body(Map.of("changes", List.of()))
                .post("/api/v1/channels/{c}/preview", copy.toString()).then().statusCode(400).body("field", equalTo("channel_id"));
    }

    /**
     * Whether a source is a live channel with plans of its own is decided at resolution, not when the copy is configured
     * (the source is on another partition and may come later): a copy of a copy airs slate, and so does a copy whose
     * source is retired, from its lock window on.
     */
    @Test
    void aCopyOfACopyOrOfARetiredChannelAirsSlate() {
        UUID sourceId = UUID.randomUUID();
        planAllDay(sourceId, seriesAndChannel("retiring", sourceId));
        UUID copy = UUID.randomUUID();
        UUID chained = UUID.randomUUID();
        asScheduler().contentType(ContentType.JSON).body(copyOf(sourceId, copy, "r-" + copy.toString().substring(0, 8))).post("/api/v1/channels")
                .then().statusCode(201);
        asScheduler().contentType(ContentType.JSON).body(copyOf(copy, chained, "c-" + chained.toString().substring(0, 8))).post("/api/v1/channels")
                .then().statusCode(201);
        awaitCopyIsShiftedSource(sourceId, copy);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(playlog(chained, clock.instant(), Duration.ofHours(8)))
                .isNotEmpty().allSatisfy(e -> assertThat(e).containsEntry("kind", "gap")));

        Instant locked = clock.instant().plus(Duration.ofMinutes(5));
        List<String> lockedBefore = playlog(copy, locked, Duration.ofMinutes(100)).stream().map(TimeShiftedChannelTest::brief).toList();
        asScheduler().delete("/api/v1/channels/{c}", sourceId.toString()).then().statusCode(200);
        // what starts inside the copy's lock window (continuity.horizon.lock-window, 2 hours) stays as it was
        Instant unlocked = clock.instant().plus(Duration.ofHours(2)).plus(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(playlog(copy, unlocked, Duration.ofHours(6)))
                .isNotEmpty().allSatisfy(e -> assertThat(e).containsEntry("kind", "gap")));
        assertThat(playlog(copy, locked, Duration.ofMinutes(100)).stream().map(TimeShiftedChannelTest::brief).toList())
                .as("inside the lock window the copy keeps what it had").isEqualTo(lockedBefore);
    }

    private static String brief(Map<String, Object> e) {
        return e.get("start_utc") + " " + e.get("kind") + " " + e.get("asset_uuid");
    }

    /** Sixty episodes of a new series and a channel without plans (UTC, 30-minute grid, day from 06:00); the series. */
    private static String seriesAndChannel(String prefix, UUID channelId) {
        String series = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        for (int e = 1; e <= 60; e++) {
            UUID id = UUID.randomUUID();
            kafka.send(id.toString(), Fixtures.episode(id, series, 1, e));
        }
        kafka.send(channelId.toString(), Fixtures.channel(channelId, "UTC", 30, List.of(0, 30), "06:00"));
        return series;
    }

    /** A plan for every day that plays the series from the day start to its end. */
    private static void planAllDay(UUID channelId, String series) {
        UUID plan = UUID.randomUUID();
        kafka.send(channelId.toString(), new PlanCreated(plan, channelId, "All day", 10, "* * * * *", null, null, true, null));
        kafka.send(channelId.toString(), new AssignmentAdded(UUID.randomUUID(), plan, channelId, "00:00", 1440,
                io.continuity.resolver.core.ContentType.SERIES, new TextNode(series), null, EpisodePolicy.SEQUENTIAL, null, null, null));
    }

    private static Map<String, Object> copyOf(UUID source, UUID copy, String slug) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel_id", copy.toString());
        body.put("slug", slug);
        body.put("title", slug + " +1");
        body.put("timezone", "UTC");
        body.put("grid_block_minutes", 30);
        body.put("block_start_offsets_minutes", List.of(0, 30));
        body.put("programming_day_start", "06:00");
        body.put("filler_rule", Map.of());
        body.put("time_shift", Map.of("source_channel_id", source.toString(), "offset_minutes", 60));
        return body;
    }

    /**
     * The copy's playlog from half an hour from now over the next 30 hours is the source's an hour earlier: at every
     * minute of the window the copy plays what the source played an hour before (the same kind and asset, at the same
     * point of the asset), and its events follow each other without a hole.
     */
    private void awaitCopyIsShiftedSource(UUID source, UUID copy) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Instant from = clock.instant().plus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            Duration span = Duration.ofHours(30);
            List<Map<String, Object>> sourceEvents = playlog(source, from.minus(OFFSET), span);
            List<Map<String, Object>> copyEvents = playlog(copy, from, span);
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            for (Instant t = from; t.isBefore(from.plus(span)); t = t.plus(Duration.ofMinutes(1))) {
                expected.add(t + " " + playing(sourceEvents, t.minus(OFFSET)));
                actual.add(t + " " + playing(copyEvents, t));
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(expected).filteredOn(line -> line.contains(" program ")).hasSizeGreaterThan(600);
            for (int i = 1; i < copyEvents.size(); i++) {
                assertThat(copyEvents.get(i).get("start_utc")).isEqualTo(copyEvents.get(i - 1).get("end_utc"));
            }
        });
    }

    /** The copy's programme guide (JSON EPG) is the source's an hour later, programme by programme, over the next 12 hours. */
    private void assertGuideIsShiftedSource(UUID source, UUID copy) {
        Instant from = clock.instant().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Instant to = from.plus(Duration.ofHours(12));
        List<String> expected = guide(source, from.minus(OFFSET), to.minus(OFFSET)).stream()
                .filter(e -> !Instant.parse((String) e.get("start_utc")).isBefore(from.minus(OFFSET)))
                .map(e -> Instant.parse((String) e.get("start_utc")).plus(OFFSET) + " " + e.get("title") + " " + e.get("episode")).toList();
        List<String> actual = guide(copy, from, to).stream().filter(e -> !Instant.parse((String) e.get("start_utc")).isBefore(from))
                .map(e -> e.get("start_utc") + " " + e.get("title") + " " + e.get("episode")).toList();
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(actual).isEqualTo(expected);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> guide(UUID channel, Instant from, Instant to) {
        return asScheduler().get("/api/v1/channels/{c}/epg?from={f}&to={t}", channel.toString(), from.toString(), to.toString())
                .then().statusCode(200).extract().as(List.class);
    }

    /** What the events play at {@code t}: kind, asset and the point in the asset, in milliseconds. */
    private static String playing(List<Map<String, Object>> events, Instant t) {
        for (Map<String, Object> e : events) {
            Instant start = Instant.parse((String) e.get("start_utc"));
            if (!start.isAfter(t) && Instant.parse((String) e.get("end_utc")).isAfter(t)) {
                long at = "gap".equals(e.get("kind")) ? 0 : ((Number) e.get("offset_ms")).longValue() + Duration.between(start, t).toMillis();
                return e.get("kind") + " " + e.get("asset_uuid") + " @" + at;
            }
        }
        return "nothing";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> playlog(UUID channel, Instant from, Duration span) {
        return asScheduler().get("/api/v1/channels/{c}/playlog?from={f}&to={t}", channel.toString(), from.toString(), from.plus(span).toString())
                .then().statusCode(200).extract().as(List.class);
    }
}
