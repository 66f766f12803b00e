package io.continuity.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.continuity.testing.Db;
import io.continuity.testing.EmbeddedKafka;
import io.continuity.testing.EventCorpus;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.ProjectionSnapshot;
import io.continuity.testing.ServiceProcess;
import io.continuity.testing.TestDatabase;

/**
 * The event log is the source of truth: replaying the input topics from offset 0 into an empty database, with the
 * packaged service, rebuilds exactly the tables the first run built.
 */
class ReplayIT {

    private static EmbeddedKafka kafka;
    private static Path logs;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start(0);
        logs = Files.createDirectories(Path.of("target", "it-logs"));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void replayingTheLogIntoAnEmptyDatabaseRebuildsIdenticalTables() {
        EventCorpus corpus = new EventCorpus(42).catalog(6, 30).channels(12).timeShiftedCopies(2).garbage("continuity.plan-events", "x");
        try (KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            corpus.records().forEach(client::send);
            // every record again: at-least-once delivery from the producers' side
            corpus.records().forEach(client::send);
        }
        try (TestDatabase first = TestDatabase.create("continuity_replay_a");
                TestDatabase second = TestDatabase.create("continuity_replay_b")) {
            Db live = runUntilCaughtUp("live", first, "replay-live");
            Db rebuilt = runUntilCaughtUp("rebuild", second, "replay-rebuild");

            Map<String, List<Map<String, Object>>> expected = ProjectionSnapshot.of(live);
            assertThat(expected.get("schedule_plan_block_assignments")).hasSize(12 * 8);
            assertThat(expected.get("catalog_asset")).hasSize(6 * 30 + 50);
            assertThat(expected.get("rejected_event")).hasSize(corpus.invalidCount() * 2);
            assertThat(expected.get("event_journal")).hasSize(corpus.records().size() - corpus.invalidCount());
            // every resolution that made versions was recorded, and the rebuild made each of them again (not on its own)
            String decisions = "SELECT decision_id, channel_id, kind, decided_at FROM schedule_decision ORDER BY decision_id";
            assertThat(live.rows(decisions)).hasSizeGreaterThanOrEqualTo(12).isEqualTo(rebuilt.rows(decisions));
            assertThat(rebuilt.count("SELECT count(*) FROM schedule_decision WHERE NOT replayed")).isZero();
            // one version of each day of the 12 channels; the 2 copies also have versions made before their sources were resolved
            assertThat(expected.get("broadcast_schedule_day")).filteredOn(d -> "1".equals(String.valueOf(d.get("version")))).hasSize(14 * 5);
            assertThat(live.count("SELECT count(*) FROM broadcast_schedule_day d JOIN channel c ON c.id = d.channel_id "
                    + "WHERE c.time_shift_source_id IS NULL")).isEqualTo(12 * 5);
            assertThat(expected.get("broadcast_playlog_event")).isNotEmpty();
            assertThat(ProjectionSnapshot.of(rebuilt)).isEqualTo(expected);
        }
    }

    private Db runUntilCaughtUp(String name, TestDatabase database, String group) {
        Db db = new Db(dataSource(database));
        try (ServiceProcess service = ServiceProcess.start(name, ServiceProcess.packagedJar(), ServiceProcess.freePort(), Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.user(),
                "continuity.consumer-group", group,
                "continuity.clock.start", "2026-11-23T07:00:00Z"), logs.resolve(name + ".log"))) {
            service.awaitReady(Duration.ofMinutes(2));
            Map<String, Long> ends = endOffsets(List.of("continuity.plan-events", "continuity.catalog-events"));
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> ends.entrySet().stream().allMatch(e ->
                    db.count("SELECT coalesce(sum(next_offset), 0) FROM consumer_offset WHERE group_id = ? AND topic = ?", group, e.getKey())
                            == e.getValue()));
            // then every channel resolved: five current days each (today + 4) and no request left
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                    db.count("SELECT count(*) FROM resolution_request") == 0
                    && db.count("SELECT count(*) FROM broadcast_schedule_day WHERE superseded_at IS NULL")
                            == 5 * db.count("SELECT count(*) FROM channel WHERE NOT is_retired"));
            // and every decision recorded on the topic and read back (the rebuild: replayed)
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                    db.count("SELECT count(*) FROM outbox WHERE published_at IS NULL") == 0
                    && db.count("SELECT coalesce(sum(next_offset), 0) FROM consumer_offset WHERE group_id = ? AND topic = ?", group,
                            "continuity.schedule-decisions") == endOffsets(List.of("continuity.schedule-decisions")).getOrDefault(
                                    "continuity.schedule-decisions", 0L));
        }
        return db;
    }

    private static Map<String, Long> endOffsets(List<String> topics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetSpec> request = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().entrySet().stream()
                    .collect(Collectors.groupingBy(e -> e.getKey().topic(), Collectors.summingLong(e -> e.getValue().offset())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PGSimpleDataSource dataSource(TestDatabase database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(database.jdbcUrl());
        ds.setUser(database.user());
        return ds;
    }
}
