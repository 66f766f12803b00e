package io.continuity.reliability.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.continuity.events.EventJson;
import io.continuity.events.OverrideApplied;
import io.continuity.events.OverrideRequested;
import io.continuity.events.Topic;
import io.continuity.reliability.ScenarioRow;
import io.continuity.resolver.core.OverrideAction;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.ScheduledChannel;
import io.continuity.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Two overrides of one event with the same expected playlog version, released at the same instant from two threads —
 * over REST and over {@code continuity.override-commands}. Oracle, every round: exactly one applies (REST 201, the other
 * 409 problem+json {@code version_conflict}; Kafka: the other in rejected_event and on the DLQ with that reason), the
 * channel's playlog version moves by exactly one, only the winner's id marks playlog rows, and
 * {@code continuity.overrides} carries exactly one applied record superseding the target.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class ConcurrentOverridesScenarioTest {

    private static final Logger LOG = Logger.getLogger(ConcurrentOverridesScenarioTest.class);
    private static KafkaTestClient kafka;
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);
    /**
     * Races target the next broadcast day: today's may already hold a frozen slate, resolved when the channel arrived
     * before its plan.
     */
    private static final Duration TOMORROW = Duration.ofHours(24);

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
        THREADS.shutdown();
    }

    /** One race: its target event and the winning override. */
    private record Round(String via, String target, UUID winner) {
    }

    @Test
    void ofTwoConcurrentOverridesWithTheSameExpectedVersionExactlyOneApplies() throws Exception {
        int rounds = ScenarioRow.full() ? 20 : 3;
        Db db = new Db(dataSource);
        ScheduledChannel channel = new ScheduledChannel().publish(kafka, db);
        List<Round> done = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            db.awaitNoPendingResolution();
            done.add(overRest(db, channel, eventAt(channel, TOMORROW.plusMinutes(60L * r + 5))));
            db.awaitNoPendingResolution();
            done.add(overKafka(db, channel, eventAt(channel, TOMORROW.plusMinutes(60L * r + 35))));
        }

        Map<String, List<OverrideApplied>> bySuperseded = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            bySuperseded.clear();
            for (ConsumerRecord<String, byte[]> r : kafka.readAll(Topic.OVERRIDES.topicName(), Integer.MAX_VALUE, Duration.ofSeconds(2))) {
                if (channel.channelId.toString().equals(r.key())) {
                    OverrideApplied applied = EventJson.mapper().readValue(r.value(), OverrideApplied.class);
                    applied.supersededEventUuids().forEach(u -> bySuperseded.computeIfAbsent(u.toString(), k -> new ArrayList<>()).add(applied));
                }
            }
            return done.stream().allMatch(round -> bySuperseded.containsKey(round.target()));
        });
        for (Round round : done) {
            assertThat(bySuperseded.get(round.target())).as("%s race on %s: applied records", round.via(), round.target())
                    .extracting(OverrideApplied::overrideId).containsExactly(round.winner());
        }
        long sent = 4L * rounds;
        long applied = done.size();
        long appliedTwice = bySuperseded.values().stream().filter(list -> list.size() > 1).count();
        LOG.infof("Concurrent overrides: %d races (%d REST, %d Kafka), %d applied, %d refused", done.size(), rounds, rounds, applied,
                sent - applied);
        new ScenarioRow("input: concurrent overrides, same expected version", ScenarioRow.currentScale(), sent, applied, sent - applied, 0,
                appliedTwice, 0, "each race: one applied, other 409 / version_conflict on .dlq; playlog version +1; one applied "
                        + "record on continuity.overrides").write();
    }

    private Round overRest(Db db, ScheduledChannel channel, Map<String, Object> target) throws Exception {
        long version = playlogVersion(db, channel);
        String race = UUID.randomUUID().toString().substring(0, 8);
        List<Response> responses = race(
                () -> post(channel, body(target, channel.special, "race " + race + " a", version)),
                () -> post(channel, body(target, channel.fillers.get(7), "race " + race + " b", version)));
        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        assertThat(statuses).as("REST race %s", race).containsExactlyInAnyOrder(201, 409);
        Response won = responses.get(statuses.indexOf(201));
        Response lost = responses.get(statuses.indexOf(409));
        assertThat(lost.contentType()).startsWith("application/problem+json");
        assertThat(lost.<String>path("code")).isEqualTo("version_conflict");
        UUID winner = UUID.fromString(won.path("override_id"));
        assertOneEffect(db, channel, target, version, winner, "race " + race + " %");
        return new Round("REST", (String) target.get("uuid"), winner);
    }

    private Round overKafka(Db db, ScheduledChannel channel, Map<String, Object> target) throws Exception {
        long version = playlogVersion(db, channel);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String ceA = UUID.randomUUID().toString();
        String ceB = UUID.randomUUID().toString();
        UUID targetUuid = UUID.fromString((String) target.get("uuid"));
        race(() -> {
            kafka.send(channel.channelId.toString(), request(a, channel, targetUuid, channel.special, version), ceA);
            return null;
        }, () -> {
            kafka.send(channel.channelId.toString(), request(b, channel, targetUuid, channel.fillers.get(7), version), ceB);
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM playlog_override WHERE id IN (?, ?)", a, b)
                + InputScenarios.rejected(db, List.of(ceA, ceB)) == 2);
        List<Map<String, Object>> appliedRows = db.rows("SELECT id FROM playlog_override WHERE id IN (?, ?) AND status = 'APPLIED'", a, b);
        assertThat(appliedRows).as("Kafka race: applied overrides").hasSize(1);
        UUID winner = (UUID) appliedRows.get(0).get("id");
        String loserEvent = winner.equals(a) ? ceB : ceA;
        assertThat(db.rows("SELECT reason_code, reason_field FROM rejected_event WHERE event_id = ?", loserEvent).get(0))
                .containsEntry("reason_code", "version_conflict").containsEntry("reason_field", "expected_version");
        assertOneEffect(db, channel, target, version, winner, null);
        assertThat(db.count("SELECT count(*) FROM broadcast_playlog_event WHERE override_id = ?", winner.equals(a) ? b : a))
                .as("playlog rows of the refused override").isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ConsumerRecord<String, byte[]> r = InputScenarios.deadLettered(kafka, Topic.OVERRIDE_COMMANDS.deadLetterTopic(), "ce_id")
                    .get(loserEvent);
            return r != null && "version_conflict".equals(InputScenarios.header(r, "dlq-reason"));
        });
        return new Round("Kafka", (String) target.get("uuid"), winner);
    }

    private void assertOneEffect(Db db, ScheduledChannel channel, Map<String, Object> target, long versionBefore, UUID winner,
            String restReasons) {
        assertThat(playlogVersion(db, channel)).as("playlog version after one race").isEqualTo(versionBefore + 1);
        if (restReasons != null) {
            assertThat(db.rows("SELECT id FROM playlog_override WHERE channel_id = ? AND reason LIKE ?", channel.channelId, restReasons))
                    .as("override rows of the REST race").extracting(row -> row.get("id")).containsExactly(winner);
        }
        // the winner's version replaced the target; the version before it still holds the target, untouched
        assertThat(db.count("SELECT count(*) FROM current_playlog_event WHERE channel_id = ? AND uuid = ?::uuid", channel.channelId,
                target.get("uuid"))).as("the target in the current version").isZero();
        assertThat(db.rows("SELECT superseded_event_uuids::text AS s FROM playlog_override WHERE id = ?", winner).get(0).get("s"))
                .as("what the winner superseded").isEqualTo("{" + target.get("uuid") + "}");
        assertThat(db.count("SELECT count(*) FROM current_playlog_event WHERE channel_id = ? AND override_id = ? AND start_utc = ?::timestamptz",
                channel.channelId, winner, target.get("start_utc"))).as("the winner's event in the target's window").isEqualTo(1);
    }

    /** Runs both actions released by one barrier, so neither thread has a head start. */
    @SafeVarargs
    private static <T> List<T> race(Supplier<T>... actions) throws Exception {
        CyclicBarrier start = new CyclicBarrier(actions.length);
        List<CompletableFuture<T>> futures = new ArrayList<>();
        for (Supplier<T> action : actions) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return action.get();
            }, THREADS));
        }
        List<T> results = new ArrayList<>();
        for (CompletableFuture<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    private static Map<String, Object> body(Map<String, Object> target, UUID asset, String reason, long version) {
        return new LinkedHashMap<>(Map.of("action", "REPLACE", "target_event_uuid", target.get("uuid"), "asset_uuid", asset.toString(),
                "reason", reason, "requested_by", "reliability", "expected_version", version));
    }

    private OverrideRequested request(UUID id, ScheduledChannel channel, UUID target, UUID asset, long version) {
        return new OverrideRequested(id, channel.channelId, OverrideAction.REPLACE, target, asset, null, null, null, "race over Kafka", "reliability",
                version);
    }

    private static Response post(ScheduledChannel channel, Map<String, Object> body) {
        return Tokens.asScheduler().contentType(ContentType.JSON).body(body).post("/api/v1/channels/{c}/overrides",
                channel.channelId.toString());
    }

    private static long playlogVersion(Db db, ScheduledChannel channel) {
        return db.count("SELECT playlog_version FROM channel WHERE id = ?", channel.channelId);
    }

    /** The first programme on air {@code after} the test clock's start. */
    private static Map<String, Object> eventAt(ScheduledChannel channel, Duration after) {
        Instant at = Instant.parse(ContinuityTestResources.TEST_CLOCK_START).plus(after);
        List<Map<String, Object>> events = Tokens.asViewer().queryParam("from", at.toString()).queryParam("to", at.plus(Duration.ofMinutes(30))
                .toString()).get("/api/v1/channels/{c}/playlog", channel.channelId.toString()).then().statusCode(200).extract().path("");
        return events.stream().filter(e -> "program".equals(e.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no programme from " + at + ": " + events));
    }
}
