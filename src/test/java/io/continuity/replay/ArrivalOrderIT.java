package io.continuity.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.continuity.events.AssetUpserted;
import io.continuity.events.AssignmentAdded;
import io.continuity.events.ChannelConfigured;
import io.continuity.events.ContinuityEvent;
import io.continuity.events.EventJson;
import io.continuity.events.PlanCreated;
import io.continuity.resolver.core.AssetKind;
import io.continuity.resolver.core.ContentType;
import io.continuity.resolver.core.EpisodePolicy;
import io.continuity.testing.Db;
import io.continuity.testing.EmbeddedKafka;
import io.continuity.testing.Fixtures;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.ServiceProcess;
import io.continuity.testing.TestDatabase;
import io.continuity.testing.Tokens;

/**
 * The schedule does not depend on the order in which plans and catalog arrive. The same records are delivered three
 * times, each into a fresh broker, database and packaged service that is already running while they arrive: plans
 * first (every day resolves to slate, then the catalog arrives), catalog first, and both topics interleaved record by
 * record. Everything after the lock window (the latest service clock of the three runs + 2 h, from the first grid
 * boundary once the events that started inside it have ended) must be the same, and every programme block there must
 * carry programmes, including those of the day first resolved to slate.
 */
class ArrivalOrderIT {

    private static final Instant CLOCK_START = Instant.parse("2026-11-23T07:00:00Z");
    private static final Duration LOCK_WINDOW = Duration.ofHours(2);
    private static final LocalDate DAY_ONE = LocalDate.parse("2026-11-23");
    private static final int HORIZON_DAYS = 5;
    private static final List<String> INPUT_TOPICS = List.of("continuity.plan-events", "continuity.catalog-events");

    private static Path logs;

    /** How the corpus reaches the broker. */
    enum Order { PLANS_FIRST, CATALOG_FIRST, INTERLEAVED }

    /** One programme block of a channel's plan, as the corpus defines it. */
    record Block(String scheduleTime, int minutes) {
    }

    /** A channel with its plan and the programme blocks the plan's assignments cover. */
    record ChannelPlan(ChannelConfigured channel, PlanCreated plan, List<AssignmentAdded> assignments) {

        List<ContinuityEvent> records() {
            List<ContinuityEvent> records = new ArrayList<>();
            records.add(channel);
            records.add(plan);
            records.addAll(assignments);
            return records;
        }

        List<Block> blocks() {
            return assignments.stream().map(a -> new Block(a.startTime(), a.duration())).toList();
        }
    }

    /** One event of a current ScheduleDay version. */
    record Event(UUID channel, String day, UUID uuid, UUID asset, String kind, Instant start, Instant end, long offsetMs) {

        @Override
        public String toString() {
            return day + " " + start + ".." + end + " " + kind + " " + asset + " +" + offsetMs + "ms (" + uuid + ")";
        }
    }

    /** What one delivery left: the service clock once settled, and every event of the current day versions. */
    record Delivery(Order order, Instant clock, List<Event> events) {

        List<Event> startingAtOrAfter(Instant cutoff) {
            return events.stream().filter(e -> !e.start().isBefore(cutoff)).toList();
        }
    }

    @BeforeAll
    static void logDirectory() throws Exception {
        logs = Files.createDirectories(Path.of("target", "it-logs"));
    }

    @Test
    void scheduleAfterTheLockWindowIsTheSameWhateverOrderPlansAndCatalogArriveIn() {
        List<ChannelPlan> channels = channels();
        List<ContinuityEvent> catalog = catalog();

        Delivery plansFirst = deliver(Order.PLANS_FIRST, channels, catalog);
        Delivery catalogFirst = deliver(Order.CATALOG_FIRST, channels, catalog);
        Delivery interleaved = deliver(Order.INTERLEAVED, channels, catalog);

        Instant lockEnd = List.of(plansFirst.clock(), catalogFirst.clock(), interleaved.clock()).stream()
                .max(Comparator.naturalOrder()).orElseThrow().plus(LOCK_WINDOW);
        // events that start inside the lock window are frozen as each delivery had them; re-resolution resumes at the
        // first grid boundary after the last of them, and from there only the inputs count
        Instant cutoff = resumeAfter(channels, List.of(plansFirst, catalogFirst, interleaved), lockEnd);
        List<Event> expected = catalogFirst.startingAtOrAfter(cutoff);
        SoftAssertions softly = new SoftAssertions();
        for (Delivery delivery : List.of(plansFirst, catalogFirst, interleaved)) {
            List<Event> after = delivery.startingAtOrAfter(cutoff);
            softly.assertThat(after).as("%s: events after %s", delivery.order(), cutoff).isNotEmpty();
            softly.assertThat(programmes(after))
                    .withFailMessage("%s differs from CATALOG_FIRST in its programmes after %s:%n%s", delivery.order(), cutoff,
                            differences(channels, programmes(expected), programmes(after)))
                    .isEqualTo(programmes(expected));
            softly.assertThat(after)
                    .withFailMessage("%s differs from CATALOG_FIRST after %s:%n%s", delivery.order(), cutoff,
                            differences(channels, expected, after))
                    .isEqualTo(expected);
            for (ChannelPlan channel : channels) {
                softly.assertThat(blocksWithoutProgrammes(channel, after, cutoff))
                        .as("%s: programme blocks of %s after %s that air only filler or slate", delivery.order(), channel.channel().slug(), cutoff)
                        .isEmpty();
            }
        }
        for (ChannelPlan channel : channels) {
            softly.assertThat(plansFirst.startingAtOrAfter(cutoff))
                    .as("PLANS_FIRST: programmes of %s on %s, first resolved to slate", channel.channel().slug(), DAY_ONE)
                    .anyMatch(e -> e.channel().equals(channel.channel().channelId()) && e.day().equals(DAY_ONE.toString())
                            && e.kind().equals("program"));
        }
        softly.assertAll();
    }

    /**
     * The first instant from which every channel resumed from the inputs alone in every delivery: per channel, the first
     * grid boundary at or after the end of the last event that starts before the lock end; the latest of those.
     */
    private static Instant resumeAfter(List<ChannelPlan> channels, List<Delivery> deliveries, Instant lockEnd) {
        Instant latest = lockEnd;
        for (ChannelPlan plan : channels) {
            ChannelConfigured c = plan.channel();
            io.continuity.resolver.core.ChannelGrid grid = new io.continuity.resolver.core.ChannelGrid(new io.continuity.resolver.core.ChannelSpec(
                    c.channelId(), c.slug(), java.time.ZoneId.of(c.timezone()), c.gridBlockMinutes(), c.blockStartOffsetsMinutes(),
                    java.time.LocalTime.parse(c.programmingDayStart()), null, null));
            for (Delivery delivery : deliveries) {
                Instant frozenEnd = delivery.events().stream().filter(e -> e.channel().equals(c.channelId()) && e.start().isBefore(lockEnd))
                        .map(Event::end).max(Comparator.naturalOrder()).orElse(lockEnd);
                Instant resume = grid.nextBoundaryAtOrAfter(frozenEnd);
                latest = resume.isAfter(latest) ? resume : latest;
            }
        }
        return latest;
    }

    private Delivery deliver(Order order, List<ChannelPlan> channels, List<ContinuityEvent> catalog) {
        String name = "arrival-" + order.name().toLowerCase().replace('_', '-');
        List<ContinuityEvent> plans = channels.stream().flatMap(c -> c.records().stream()).toList();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0);
                TestDatabase database = TestDatabase.create("continuity_arrival");
                KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers());
                ServiceProcess service = ServiceProcess.start(name, ServiceProcess.packagedJar(), ServiceProcess.freePort(), Map.of(
                        "kafka.bootstrap.servers", kafka.bootstrapServers(),
                        "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                        "quarkus.datasource.username", database.user(),
                        "continuity.consumer-group", name,
                        "continuity.clock.start", CLOCK_START.toString()), logs.resolve(name + ".log"))) {
            service.awaitReady(Duration.ofMinutes(2));
            Db db = new Db(dataSource(database));
            switch (order) {
                case PLANS_FIRST -> {
                    sendAll(client, plans);
                    awaitSettled(db, name, kafka, channels.size());
                    assertThat(currentEvents(db)).as("every day resolved before any content exists").isNotEmpty()
                            .allSatisfy(e -> assertThat(e.kind()).as("kind of %s", e).isIn("gap", "filler"));
                    sendAll(client, catalog);
                }
                case CATALOG_FIRST -> {
                    sendAll(client, catalog);
                    await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                            .until(() -> db.count("SELECT count(*) FROM catalog_asset") == catalog.size());
                    sendAll(client, plans);
                }
                case INTERLEAVED -> sendAll(client, interleave(plans, catalog));
                default -> throw new IllegalArgumentException(order.name());
            }
            awaitSettled(db, name, kafka, channels.size());
            Instant clock = serviceClock(service, channels.get(0).channel().channelId());
            return new Delivery(order, clock, currentEvents(db));
        }
    }

    private static void sendAll(KafkaTestClient client, List<ContinuityEvent> records) {
        for (ContinuityEvent record : records) {
            client.send(key(record), record);
        }
    }

    private static String key(ContinuityEvent record) {
        return switch (record) {
            case ChannelConfigured c -> c.channelId().toString();
            case PlanCreated p -> p.channelId().toString();
            case AssignmentAdded a -> a.channelId().toString();
            case AssetUpserted a -> a.assetUuid().toString();
            default -> throw new IllegalArgumentException("not in this corpus: " + record);
        };
    }

    /** One record of each topic in turn; each topic keeps its own order (channel, plan, assignments). */
    private static List<ContinuityEvent> interleave(List<ContinuityEvent> plans, List<ContinuityEvent> catalog) {
        List<ContinuityEvent> out = new ArrayList<>();
        for (int i = 0; i < Math.max(plans.size(), catalog.size()); i++) {
            if (i < plans.size()) {
                out.add(plans.get(i));
            }
            if (i < catalog.size()) {
                out.add(catalog.get(i));
            }
        }
        return out;
    }

    /**
     * Every record sent is applied (the stored offsets reach the topics' ends), every channel is configured and has its
     * horizon resolved, and no resolution is pending, twice in a row.
     */
    private static void awaitSettled(Db db, String group, EmbeddedKafka kafka, int channels) {
        Map<String, Long> ends = io.continuity.ops.ServiceRuns.endOffsets(kafka.bootstrapServers(), INPUT_TOPICS);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> ends.entrySet().stream().allMatch(e ->
                db.count("SELECT coalesce(sum(next_offset), 0) FROM consumer_offset WHERE group_id = ? AND topic = ?", group, e.getKey())
                        == e.getValue()));
        int[] quiet = {0};
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            boolean settled = db.count("SELECT count(*) FROM channel WHERE NOT is_retired") == channels
                    && db.count("SELECT count(*) FROM resolution_request") == 0
                    && db.count("SELECT count(*) FROM broadcast_schedule_day WHERE superseded_at IS NULL") == (long) HORIZON_DAYS * channels;
            quiet[0] = settled ? quiet[0] + 1 : 0;
            return quiet[0] >= 2;
        });
    }

    /** The service's "now" (it started at {@link #CLOCK_START} and runs in real time). */
    private static Instant serviceClock(ServiceProcess service, UUID channel) {
        String at = Tokens.asViewer().baseUri("http://127.0.0.1").port(service.httpPort())
                .get("/api/v1/channels/{id}/now", channel).then().statusCode(200).extract().path("at_utc");
        return Instant.parse(at);
    }

    private static List<Event> currentEvents(Db db) {
        return db.rows("""
                SELECT e.channel_id, d.broadcast_day, e.uuid, e.asset_uuid, e.kind, e.start_utc, e.end_utc, e.offset_ms
                FROM broadcast_playlog_event e JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id AND d.superseded_at IS NULL
                WHERE NOT e.is_overridden ORDER BY e.channel_id, e.start_utc""").stream()
                .map(r -> new Event((UUID) r.get("channel_id"), r.get("broadcast_day").toString(), (UUID) r.get("uuid"),
                        (UUID) r.get("asset_uuid"), (String) r.get("kind"), instant(r.get("start_utc")), instant(r.get("end_utc")),
                        ((Number) r.get("offset_ms")).longValue()))
                .toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : ((OffsetDateTime) value).toInstant();
    }

    private static List<Event> programmes(List<Event> events) {
        return events.stream().filter(e -> e.kind().equals("program")).toList();
    }

    /** The plan's block windows on the channel's days that start at or after the cutoff and have no programme event. */
    private static List<String> blocksWithoutProgrammes(ChannelPlan plan, List<Event> events, Instant cutoff) {
        UUID channel = plan.channel().channelId();
        ZoneId zone = ZoneId.of(plan.channel().timezone());
        LocalTime dayStart = LocalTime.parse(plan.channel().programmingDayStart());
        List<String> empty = new ArrayList<>();
        for (String day : events.stream().filter(e -> e.channel().equals(channel)).map(Event::day).distinct().toList()) {
            for (Block block : plan.blocks()) {
                String[] hhmm = block.scheduleTime().split(":");
                LocalDateTime local = LocalDateTime.of(LocalDate.parse(day), dayStart)
                        .plusMinutes(Integer.parseInt(hhmm[0]) * 60L + Integer.parseInt(hhmm[1]));
                Instant from = local.atZone(zone).toInstant();
                Instant to = from.plus(Duration.ofMinutes(block.minutes()));
                boolean programme = events.stream().anyMatch(e -> e.channel().equals(channel) && e.kind().equals("program")
                        && !e.start().isBefore(from) && e.start().isBefore(to));
                if (!from.isBefore(cutoff) && !programme) {
                    empty.add(day + " " + block.scheduleTime() + " (" + from + ".." + to + ")");
                }
            }
        }
        return empty;
    }

    /** Per channel and day that differ: how many events each has, how many are missing, and the first and last that differ. */
    private static String differences(List<ChannelPlan> channels, List<Event> expected, List<Event> actual) {
        StringBuilder out = new StringBuilder();
        for (ChannelPlan plan : channels) {
            UUID channel = plan.channel().channelId();
            List<String> days = expected.stream().map(Event::day).distinct().sorted().toList();
            for (String day : days) {
                List<Event> want = expected.stream().filter(e -> e.channel().equals(channel) && e.day().equals(day)).toList();
                List<Event> got = actual.stream().filter(e -> e.channel().equals(channel) && e.day().equals(day)).toList();
                if (want.equals(got)) {
                    continue;
                }
                int first = 0;
                while (first < Math.min(want.size(), got.size()) && want.get(first).equals(got.get(first))) {
                    first++;
                }
                int last = 0;
                while (last < Math.min(want.size(), got.size()) - first
                        && want.get(want.size() - 1 - last).equals(got.get(got.size() - 1 - last))) {
                    last++;
                }
                List<Event> missing = want.stream().filter(e -> !got.contains(e)).toList();
                out.append(String.format("  %s %s: %d vs %d events, %d expected events missing (%d of them programmes);"
                        + " the events from #%d to #%d differ:%n    expected %s%n    actual   %s%n    last differing expected %s%n",
                        plan.channel().slug() + " (" + plan.channel().timezone() + ")", day, want.size(), got.size(), missing.size(),
                        programmes(missing).size(), first, want.size() - 1 - last,
                        first < want.size() ? want.get(first) : "(none)", first < got.size() ? got.get(first) : "(none)",
                        want.size() - 1 - last >= 0 ? want.get(want.size() - 1 - last) : "(none)"));
            }
        }
        return out.toString();
    }

    private static PGSimpleDataSource dataSource(TestDatabase database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(database.jdbcUrl());
        ds.setUser(database.user());
        return ds;
    }

    // --- the corpus: fixed ids, so every delivery sends exactly the same records ---

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("arrival-order/" + name).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Three channels in three zones, each with an every-day plan whose blocks all start well after the first lock window
     * (07:00Z + 2 h): a series in S/E order, a series in random order and a movie rule. New York's programming day starts
     * at midnight, so its first broadcast day is 2026-11-23 as well and no block of the horizon lies in the past.
     */
    private static List<ChannelPlan> channels() {
        return List.of(
                channel("utc", "UTC", 30, List.of(0, 30), "06:00",
                        series("14:00", 120, "cheers", EpisodePolicy.SEQUENTIAL), series("16:00", 60, "frasier", EpisodePolicy.RANDOM), movies("18:00", 120)),
                channel("new-york", "America/New_York", 30, List.of(0, 30), "00:00",
                        movies("12:00", 120), series("14:00", 120, "frasier", EpisodePolicy.SEQUENTIAL), series("17:00", 60, "cheers", EpisodePolicy.RANDOM)),
                channel("london", "Europe/London", 60, List.of(0), "06:00",
                        series("14:00", 120, "frasier", EpisodePolicy.SEQUENTIAL), movies("16:00", 120), series("18:00", 120, "cheers", EpisodePolicy.RANDOM)));
    }

    /** What an assignment of the corpus plays, before its channel and plan are known. */
    private record Spec(String start, int minutes, ContentType type, JsonNode reference, EpisodePolicy policy) {
    }

    private static Spec series(String start, int minutes, String series, EpisodePolicy policy) {
        return new Spec(start, minutes, ContentType.SERIES, new TextNode(series), policy);
    }

    private static Spec movies(String start, int minutes) {
        return new Spec(start, minutes, ContentType.RULE, EventJson.mapper().createObjectNode().put("kind", "movie"), null);
    }

    private static ChannelPlan channel(String name, String zone, int grid, List<Integer> offsets, String dayStart, Spec... specs) {
        UUID channelId = id("channel/" + name);
        UUID planId = id("plan/" + name);
        ChannelConfigured configured = Fixtures.channel(channelId, zone, grid, offsets, dayStart);
        PlanCreated plan = new PlanCreated(planId, channelId, "Every day", 1, "0 0 * * *", null, null, true, null);
        List<AssignmentAdded> assignments = new ArrayList<>();
        for (Spec s : specs) {
            assignments.add(new AssignmentAdded(id("assignment/" + name + "/" + s.start()), planId, channelId, s.start(), s.minutes(), s.type(),
                    s.reference(), null, s.policy(), null, Objects.toString(s.reference()) + " at " + s.start(), null));
        }
        return new ChannelPlan(configured, plan, assignments);
    }

    /** Fillers of several lengths, two series of eight 22-minute episodes each, and four movies. */
    private static List<ContinuityEvent> catalog() {
        List<ContinuityEvent> records = new ArrayList<>();
        for (long seconds : new long[] {30, 60, 120, 180, 300}) {
            records.add(Fixtures.filler(id("filler/" + seconds), seconds * 1000));
        }
        for (String series : List.of("cheers", "frasier")) {
            for (int episode = 1; episode <= 8; episode++) {
                records.add(Fixtures.episode(id("episode/" + series + "/" + episode), series, 1, episode));
            }
        }
        for (int minutes : new int[] {88, 95, 100, 105}) {
            records.add(new AssetUpserted(id("movie/" + minutes), "Movie " + minutes, AssetKind.MOVIE, minutes * 60_000L, null, null, null, null, null,
                    null, null, "drama", "PG", List.of(), null, "ready", true, false, null));
        }
        return records;
    }
}
