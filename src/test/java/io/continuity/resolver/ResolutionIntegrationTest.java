package io.continuity.resolver;

import static io.continuity.testing.Tokens.asScheduler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.TextNode;

import io.continuity.events.AssignmentAdded;
import io.continuity.events.AssignmentUpdated;
import io.continuity.events.DayPublished;
import io.continuity.events.EventJson;
import io.continuity.events.PlanCreated;
import io.continuity.events.PlaylogEventPayload;
import io.continuity.resolver.core.BroadcastDays;
import io.continuity.resolver.core.ChannelSpec;
import io.continuity.resolver.core.ContentRule;
import io.continuity.resolver.core.ContentType;
import io.continuity.resolver.core.EpisodePolicy;
import io.continuity.resolver.core.EventKind;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.Fixtures;
import io.continuity.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Events in on continuity.plan-events and catalog-events; exact, versioned days out on continuity.playlog and in PostgreSQL. */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class ResolutionIntegrationTest {

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

    @Test
    void plansBecomePublishedVersionedDaysWithSequentialEpisodesCarryingOver() {
        UUID channel = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        String series = "sitcom-" + channel.toString().substring(0, 8);
        List<UUID> episodes = new ArrayList<>();
        for (int e = 1; e <= 40; e++) {
            UUID id = UUID.randomUUID();
            episodes.add(id);
            kafka.send(id.toString(), Fixtures.episode(id, series, 1, e));
        }
        for (int f = 0; f < 6; f++) {
            UUID id = UUID.randomUUID();
            kafka.send(id.toString(), Fixtures.filler(id, 30_000L * (f + 1)));
        }
        String key = channel.toString();
        kafka.send(key, Fixtures.channel(channel, "UTC", 30, List.of(0, 30), "06:00"));
        kafka.send(key, new PlanCreated(plan, channel, "Every day", 10, "* * * * *", null, null, true, null));
        kafka.send(key, new AssignmentAdded(assignment, plan, channel, "12:00", 120, ContentType.SERIES, new TextNode(series), null, EpisodePolicy.SEQUENTIAL,
                null, null, null));

        LocalDate today = BroadcastDays.broadcastDayOf(spec(channel), clock.instant());
        // the catalog and the plan arrive on different topics: wait for the version resolved with the whole catalog
        java.util.function.Predicate<List<DayPublished>> complete = latest -> latest.size() == 5
                && latest.stream().allMatch(d -> programs(d) == 4) && programmeAssets(latest).equals(episodes.subList(0, 20));
        awaitPublished(key, complete);
        // settled: the rest of the catalog (fillers) may still re-resolve the days; compare with what is published then
        Db settled = new Db(dataSource);
        await().atMost(Duration.ofSeconds(60)).until(() -> settled.count("SELECT count(*) FROM resolution_request WHERE channel_id = ?", channel) == 0
                && settled.count("SELECT count(*) FROM outbox WHERE published_at IS NULL") == 0);
        List<DayPublished> days = awaitPublished(key, complete);
        assertThat(days).extracting(DayPublished::broadcastDay)
                .containsExactly(today, today.plusDays(1), today.plusDays(2), today.plusDays(3), today.plusDays(4));
        List<UUID> aired = new ArrayList<>();
        for (DayPublished day : days) {
            assertCoversExactly(day);
            day.events().stream().filter(e -> e.kind() == EventKind.PROGRAM).map(PlaylogEventPayload::assetUuid).forEach(aired::add);
            Instant slotStart = day.dayStartUtc().plus(Duration.ofHours(12));
            assertThat(day.events()).filteredOn(e -> e.kind() == EventKind.PROGRAM)
                    .allSatisfy(e -> assertThat(Duration.between(slotStart, e.startUtc()).toMinutes() % 30).isZero())
                    .allSatisfy(e -> assertThat(e.assignmentId()).isEqualTo(assignment));
        }
        // 22-minute episodes on a 30-minute grid: four per 2-hour block, in order, continuing from one day to the next
        assertThat(aired).containsExactlyElementsOf(episodes.subList(0, 20));

        Db db = new Db(dataSource);
        assertThat(db.count("SELECT count(*) FROM broadcast_schedule_day WHERE channel_id = ? AND superseded_at IS NULL", channel))
                .isEqualTo(5);
        assertThat(db.count("SELECT count(*) FROM broadcast_playlog_event e JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id "
                + "WHERE d.channel_id = ? AND d.superseded_at IS NULL", channel))
                .isEqualTo(days.stream().mapToLong(d -> d.events().size()).sum());

        LocalDate future = today.plusDays(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM resolution_request WHERE channel_id = ?", channel) == 0);
        int versionBefore = asScheduler().get("/api/v1/channels/{c}/schedule-days/{d}", channel, future.toString()).then().statusCode(200)
                .extract().path("version");
        Instant beforeChange = clock.instant();
        kafka.send(key, new AssignmentUpdated(assignment, plan, channel, "12:00", 60, ContentType.SERIES, new TextNode(series), null, EpisodePolicy.SEQUENTIAL,
                null, null, 1L));
        List<DayPublished> second = awaitPublished(key, latest -> latest.size() == 5 && latest.stream().allMatch(d -> programs(d) == 2));
        assertThat(second).allSatisfy(d -> assertThat(d.version()).isGreaterThan(1));
        assertThat(db.count("SELECT count(*) FROM broadcast_schedule_day WHERE channel_id = ? AND superseded_at IS NOT NULL", channel))
                .isGreaterThanOrEqualTo(5);

        asScheduler().get("/api/v1/channels/{c}/schedule-days/{d}", channel, future.toString()).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(second.get(2).version()));
        asScheduler().queryParam("as_of", beforeChange.toString()).get("/api/v1/channels/{c}/schedule-days/{d}", channel, future.toString())
                .then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo(versionBefore));
        asScheduler().get("/api/v1/channels/{c}/now", channel).then().statusCode(200)
                .body("event.uuid", org.hamcrest.Matchers.notNullValue());
        // the playlog reads the current versions only: over the whole horizon, and across a programming day start
        assertThat(playlog(channel, second.get(0).dayStartUtc(), second.get(4).dayEndUtc()))
                .containsExactlyElementsOf(overlapping(second, second.get(0).dayStartUtc(), second.get(4).dayEndUtc()));
        Instant boundary = second.get(1).dayStartUtc();
        List<String> aroundBoundary = overlapping(second, boundary.minus(Duration.ofMinutes(90)), boundary.plus(Duration.ofMinutes(90)));
        assertThat(aroundBoundary).hasSizeGreaterThan(1);
        assertThat(playlog(channel, boundary.minus(Duration.ofMinutes(90)), boundary.plus(Duration.ofMinutes(90))))
                .containsExactlyElementsOf(aroundBoundary);
        asScheduler().queryParam("broadcast_day", future.toString()).get("/api/v1/assignments/{a}/preview", assignment).then().statusCode(200)
                .body("events.findAll { it.kind == 'program' }.size()", org.hamcrest.Matchers.equalTo(2));
        asScheduler().queryParam("from", "yesterday").get("/api/v1/channels/{c}/playlog", channel).then().statusCode(400)
                .contentType("application/problem+json").body("field", org.hamcrest.Matchers.equalTo("from"));
    }

    private static List<String> playlog(UUID channel, Instant from, Instant to) {
        return asScheduler().queryParam("from", from.toString()).queryParam("to", to.toString()).get("/api/v1/channels/{c}/playlog", channel)
                .then().statusCode(200).extract().path("uuid");
    }

    /** The uuids of the published days' events overlapping [from, to), in time order. */
    private static List<String> overlapping(List<DayPublished> days, Instant from, Instant to) {
        return days.stream().flatMap(d -> d.events().stream()).filter(e -> e.endUtc().isAfter(from) && e.startUtc().isBefore(to))
                .sorted(Comparator.comparing(PlaylogEventPayload::startUtc)).map(e -> e.uuid().toString()).toList();
    }

    private static ChannelSpec spec(UUID channel) {
        return new ChannelSpec(channel, "x", ZoneId.of("UTC"), 30, List.of(0, 30), LocalTime.of(6, 0), ContentRule.any(), null);
    }

    private static void assertCoversExactly(DayPublished day) {
        List<PlaylogEventPayload> events = day.events();
        assertThat(events.get(0).startUtc()).isEqualTo(day.dayStartUtc());
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).startUtc()).isEqualTo(events.get(i - 1).endUtc());
        }
        assertThat(events.get(events.size() - 1).endUtc()).isEqualTo(day.dayEndUtc());
    }

    private static List<UUID> programmeAssets(List<DayPublished> days) {
        return days.stream().flatMap(d -> d.events().stream()).filter(e -> e.kind() == EventKind.PROGRAM).map(PlaylogEventPayload::assetUuid)
                .toList();
    }

    private static long programs(DayPublished day) {
        return day.events().stream().filter(e -> e.kind() == EventKind.PROGRAM).count();
    }

    /** The latest published version of each day of the channel, once {@code done} holds for them. */
    private static List<DayPublished> awaitPublished(String key, java.util.function.Predicate<List<DayPublished>> done) {
        List<DayPublished> latest = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<LocalDate, DayPublished> byDay = new java.util.TreeMap<>();
            for (ConsumerRecord<String, byte[]> r : kafka.readAll("continuity.playlog", 100_000, Duration.ofSeconds(1))) {
                if (key.equals(r.key())) {
                    DayPublished d = EventJson.mapper().readValue(r.value(), DayPublished.class);
                    byDay.merge(d.broadcastDay(), d, (a, b) -> a.version() >= b.version() ? a : b);
                }
            }
            latest.clear();
            latest.addAll(byDay.values().stream().sorted(Comparator.comparing(DayPublished::broadcastDay)).toList());
            return done.test(latest);
        });
        return latest;
    }
}
