package io.continuity.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.ds.PGSimpleDataSource;

import io.continuity.events.Topic;
import io.continuity.messaging.CrashPoints;
import io.continuity.ops.ServiceRuns;
import io.continuity.testing.Db;
import io.continuity.testing.EventCorpus;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.ProjectionSnapshot;
import io.continuity.testing.ServiceProcess;
import io.continuity.testing.TestDatabase;

/**
 * The process-level fault scenarios of the reliability suite (docs/reliability.md): the packaged service and the Kafka
 * broker run as separate processes and are killed, halted, stopped, frozen or cut off from their database while they
 * work through one corpus (with overrides). Every scenario ends with the same oracles: (a) the projection equals the
 * fault-free reference run's; (b) nothing applied twice; (c) no ScheduleDay version published after a newer one; (d)
 * every committed ScheduleDay version and every outbox row published; (e) every applied override is in the newest
 * published version of its day. Reduced sizes run in the normal suite, the issue's
 * sizes with {@code -Dreliability.scale=full}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessFaultsIT {

    private static final boolean FULL = ScenarioRow.full();
    /** How long the broker and the database stay away. */
    private static final Duration OUTAGE = FULL ? Duration.ofSeconds(30) : Duration.ofSeconds(4);
    /** The committed input batch after which scenario 2 halts: the first of the small corpus, a later one of the large. */
    private static final int HALT_AFTER_BATCH = FULL ? 3 : 1;
    /** The longest wait for a start-up, a first applied record or catching up: generous, the machine may be busy. */
    private static final Duration PATIENCE = FULL ? Duration.ofMinutes(15) : Duration.ofMinutes(5);
    private static final Pattern ASSIGNED = Pattern.compile("Assigned (continuity\\.[a-z-]+-\\d+): resuming at offset (\\d+)");

    private static KafkaBrokerProcess broker;
    private static Path logs;
    private static EventCorpus corpus;
    private static Map<String, Long> ends;
    private static long recordsSent;
    private static TestDatabase referenceDatabase;
    private static Map<String, List<Map<String, Object>>> reference;
    private static long referenceVersions;
    private static Set<String> referenceJournal;

    @BeforeAll
    static void brokerCorpusAndReference() throws IOException {
        logs = Files.createDirectories(Path.of("target", "it-logs", "reliability"));
        broker = KafkaBrokerProcess.start(logs);
        corpus = FULL ? new EventCorpus(2026).catalog(10, 60).channels(20).overrides(3).garbage(Topic.PLAN_EVENTS.topicName(), "x")
                : new EventCorpus(2026).catalog(4, 20).channels(3).overrides(2).garbage(Topic.PLAN_EVENTS.topicName(), "x");
        try (KafkaTestClient client = new KafkaTestClient(broker.bootstrapServers())) {
            // every record twice: producers deliver at least once, so consumers must recognise duplicates anyway
            corpus.records().forEach(client::send);
            corpus.records().forEach(client::send);
        }
        ends = ServiceRuns.endOffsets(broker.bootstrapServers(), ServiceRuns.CORPUS_TOPICS);
        recordsSent = ends.values().stream().mapToLong(Long::longValue).sum();

        // the fault-free reference, computed once and compared with by every scenario
        referenceDatabase = TestDatabase.create("continuity_rel_ref");
        Db db = ServiceRuns.db(referenceDatabase);
        OutputLog output = OutputLog.from(broker.bootstrapServers());
        try (ServiceProcess service = start("reference", referenceDatabase.jdbcUrl(), "rel-reference", Map.of())) {
            ServiceRuns.awaitCaughtUpAndResolved(broker.bootstrapServers(), db, "rel-reference", ends, PATIENCE);
        }
        reference = ProjectionSnapshot.of(db);
        referenceVersions = aggregateVersions(db);
        referenceJournal = journal(db);
        assertThat(referenceJournal).hasSize(corpus.records().size() - corpus.invalidCount());
        assertThat(reference.get("rejected_event")).hasSize(corpus.invalidCount() * 2);
        assertThat(reference.get("broadcast_schedule_day")).isNotEmpty();
        List<OutputLog.Published> published = output.read();
        assertThat(OutputLog.versionRegressions(published)).isEmpty();
        assertPublished(db, published);
        assertOverridesAired(db, published);
    }

    @AfterAll
    static void stopAll() {
        if (referenceDatabase != null) {
            referenceDatabase.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void killMinus9MidBatchThenRestart() {
        try (TestDatabase database = TestDatabase.create("continuity_rel_kill")) {
            Db db = ServiceRuns.db(database);
            OutputLog output = OutputLog.from(broker.bootstrapServers());
            String group = "rel-kill";
            long atKill;
            // small input batches for the killed instance: the reduced corpus fits in one 500-record poll, and a kill
            // after the first commit would then find everything applied — no longer a kill mid-stream
            Map<String, String> smallBatches = Map.of("mp.messaging.incoming.plan-events.max.poll.records", "20",
                    "mp.messaging.incoming.catalog-events.max.poll.records", "20");
            try (ServiceProcess first = start("kill-1", database.jdbcUrl(), group, smallBatches)) {
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> ServiceRuns.applied(db, group) > 0);
                atKill = ServiceRuns.applied(db, group);
                first.kill();
            }
            assertThat(atKill).as("killed mid-stream").isLessThan(recordsSent);
            long faultEnd = System.nanoTime();
            ServiceProcess second = start("kill-2", database.jdbcUrl(), group, Map.of());
            finish("1 kill -9 mid-batch, restart", db, group, output, faultEnd, second,
                    "SIGKILL after " + atKill + " of " + recordsSent + " records");
        }
    }

    @Test
    @Order(2)
    void haltAfterTheDatabaseCommitBeforeTheKafkaCommit() {
        try (TestDatabase database = TestDatabase.create("continuity_rel_halt")) {
            Db db = ServiceRuns.db(database);
            OutputLog output = OutputLog.from(broker.bootstrapServers());
            String group = "rel-halt";
            long storedAtHalt;
            long kafkaAtHalt;
            try (ServiceProcess first = start("halt-commit-1", database.jdbcUrl(), group,
                    Map.of("continuity.faults.halt-after-commit", Integer.toString(HALT_AFTER_BATCH)))) {
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> !first.isAlive());
                assertThat(first.waitForExit()).as("halted by the crash point").isEqualTo(CrashPoints.HALT_STATUS);
                storedAtHalt = ServiceRuns.applied(db, group);
                kafkaAtHalt = kafkaCommitted(group).values().stream().mapToLong(Long::longValue).sum();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            assertThat(storedAtHalt).as("batches committed to the database").isPositive();
            assertThat(kafkaAtHalt).as("the last committed batch never reached Kafka's committed offsets").isLessThan(storedAtHalt);
            long faultEnd = System.nanoTime();
            ServiceProcess second = start("halt-commit-2", database.jdbcUrl(), group, Map.of());
            finish("2 halt after DB commit, before Kafka commit", db, group, output, faultEnd, second,
                    "halted after batch " + HALT_AFTER_BATCH + ": " + storedAtHalt + " records stored, Kafka committed " + kafkaAtHalt);
        }
    }

    @Test
    @Order(3)
    void brokerStoppedAndRestartedMidStream() {
        try (TestDatabase database = TestDatabase.create("continuity_rel_broker")) {
            Db db = ServiceRuns.db(database);
            OutputLog output = OutputLog.from(broker.bootstrapServers());
            String group = "rel-broker-stop";
            ServiceProcess service = start("broker-stop", database.jdbcUrl(), group, Map.of());
            long atStop;
            try {
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> ServiceRuns.applied(db, group) > 0);
                atStop = ServiceRuns.applied(db, group);
                long stopped = System.nanoTime();
                broker.stop();
                pauseUntil(stopped, OUTAGE);
                broker.startProcess();
            } catch (RuntimeException e) {
                service.close();
                throw e;
            }
            long faultEnd = System.nanoTime();
            finish("3a broker stopped " + OUTAGE.toSeconds() + " s, restarted", db, group, output, faultEnd, service,
                    "broker SIGTERM after " + atStop + " of " + recordsSent + " records");
        }
    }

    @Test
    @Order(4)
    void brokerFrozenWithSigstopThenContinued() {
        try (TestDatabase database = TestDatabase.create("continuity_rel_freeze")) {
            Db db = ServiceRuns.db(database);
            OutputLog output = OutputLog.from(broker.bootstrapServers());
            String group = "rel-broker-freeze";
            ServiceProcess service = start("broker-freeze", database.jdbcUrl(), group, Map.of());
            long atFreeze;
            try {
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> ServiceRuns.applied(db, group) > 0);
                atFreeze = ServiceRuns.applied(db, group);
                long frozen = System.nanoTime();
                broker.freeze();
                try {
                    pauseUntil(frozen, OUTAGE);
                } finally {
                    broker.thaw();
                }
            } catch (RuntimeException e) {
                service.close();
                throw e;
            }
            long faultEnd = System.nanoTime();
            finish("3b broker SIGSTOP " + OUTAGE.toSeconds() + " s, SIGCONT", db, group, output, faultEnd, service,
                    "broker frozen after " + atFreeze + " of " + recordsSent + " records");
        }
    }

    @Test
    @Order(5)
    void databaseStoppedImmediatelyThenStarted() {
        Optional<Path> binaries = PrivatePostgres.binaries();
        Assumptions.assumeTrue(binaries.isPresent(), "no PostgreSQL server binaries under /usr/lib/postgresql for a private server");
        try (PrivatePostgres pg = PrivatePostgres.start(binaries.get(), logs)) {
            String url = pg.createDatabase("continuity_rel_pgstop");
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(url);
            ds.setUser("postgres");
            ds.setConnectTimeout(2);
            ds.setSocketTimeout(10);
            Db db = new Db(ds);
            OutputLog output = OutputLog.from(broker.bootstrapServers());
            String group = "rel-pg-stop";
            ServiceProcess service = start("pg-stop", url, group, Map.of());
            long atStop;
            boolean readyWentDown;
            try {
                service.awaitReady(PATIENCE);
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> ServiceRuns.applied(db, group) > 0);
                atStop = ServiceRuns.applied(db, group);
                long stopped = System.nanoTime();
                pg.stopImmediately();
                await().atMost(OUTAGE.plusSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> service.status("/q/health/ready") == 503);
                readyWentDown = true;
                assertThat(service.status("/q/health/live")).as("alive while the database is away").isEqualTo(200);
                pauseUntil(stopped, OUTAGE);
                pg.startServer();
            } catch (RuntimeException e) {
                service.close();
                throw e;
            }
            long faultEnd = System.nanoTime();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> service.status("/q/health/ready") == 200);
            finish("4 PostgreSQL stopped " + OUTAGE.toSeconds() + " s (-m immediate)", db, group, output, faultEnd, service,
                    "stopped after " + atStop + " of " + recordsSent + " records; readiness DOWN " + readyWentDown + ", then UP");
        }
    }

    @Test
    @Order(6)
    void backendsTerminatedMidTransaction() {
        try (TestDatabase database = TestDatabase.create("continuity_rel_terminate")) {
            Db db = ServiceRuns.db(database);
            PGSimpleDataSource adminDs = new PGSimpleDataSource();
            adminDs.setUrl(database.adminUrl());
            adminDs.setUser(database.user());
            Db admin = new Db(adminDs);
            OutputLog output = OutputLog.from(broker.bootstrapServers());
            String group = "rel-terminate";
            ServiceProcess service = start("terminate", database.jdbcUrl(), group, Map.of());
            long terminated = 0;
            long inTransaction = 0;
            try {
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> ServiceRuns.applied(db, group) > 0);
                long started = System.nanoTime();
                Duration window = FULL ? Duration.ofSeconds(30) : Duration.ofSeconds(3);
                while (System.nanoTime() - started < window.toNanos()) {
                    Map<String, Object> round = admin.rows("""
                            SELECT count(*) FILTER (WHERE state IN ('active', 'idle in transaction')) AS busy,
                                   count(*) FILTER (WHERE pg_terminate_backend(pid)) AS killed
                            FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid() AND backend_type = 'client backend'""",
                            database.name()).get(0);
                    inTransaction += ((Number) round.get("busy")).longValue();
                    terminated += ((Number) round.get("killed")).longValue();
                    pauseUntil(System.nanoTime(), Duration.ofMillis(300));
                }
            } catch (RuntimeException e) {
                service.close();
                throw e;
            }
            assertThat(terminated).as("backends of the service terminated").isPositive();
            long faultEnd = System.nanoTime();
            finish("5 backends terminated (pg_terminate_backend)", db, group, output, faultEnd, service,
                    terminated + " backends terminated, " + inTransaction + " of them busy or in a transaction");
        }
    }

    @Test
    @Order(7)
    void consumerGroupOffsetsResetToZero() {
        try (TestDatabase database = TestDatabase.create("continuity_rel_reset")) {
            Db db = ServiceRuns.db(database);
            OutputLog output = OutputLog.from(broker.bootstrapServers());
            String group = "rel-reset";
            try (ServiceProcess first = start("reset-1", database.jdbcUrl(), group, Map.of())) {
                ServiceRuns.awaitCaughtUpAndResolved(broker.bootstrapServers(), db, group, ends, PATIENCE);
                // the throttled commit reaches Kafka within seconds; wait for it so the reset has something to undo
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                        .until(() -> kafkaCommitted(group).values().stream().mapToLong(Long::longValue).sum() > 0);
                first.stop(Duration.ofSeconds(45));
            }
            Map<String, List<Map<String, Object>>> snapshotBefore = ProjectionSnapshot.of(db);
            long versionsBefore = aggregateVersions(db);
            long committedBefore = kafkaCommitted(group).values().stream().mapToLong(Long::longValue).sum();
            resetToZero(group);
            assertThat(kafkaCommitted(group).values()).as("every committed offset of the group is 0").containsOnly(0L);
            long faultEnd = System.nanoTime();
            Path log = logs.resolve("reset-2.log");
            ServiceProcess second = start("reset-2", database.jdbcUrl(), group, Map.of());
            try {
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> resumedPositions(log).keySet().stream()
                        .filter(p -> p.startsWith("continuity.plan-events") || p.startsWith("continuity.catalog-events")).count() == 6);
                assertThat(resumedPositions(log).entrySet().stream().filter(e -> e.getKey().startsWith("continuity.plan-events")
                        || e.getKey().startsWith("continuity.catalog-events")).mapToLong(Map.Entry::getValue).sum())
                        .as("resumed at the positions stored with the projection, not at Kafka's 0").isEqualTo(recordsSent);
            } catch (RuntimeException | AssertionError e) {
                second.close();
                throw e;
            }
            finish("6 consumer offsets reset to 0", db, group, output, faultEnd, second,
                    "Kafka committed " + committedBefore + " -> 0; resumed at the stored positions");
            assertThat(ProjectionSnapshot.of(db)).isEqualTo(snapshotBefore);
            assertThat(aggregateVersions(db)).isEqualTo(versionsBefore);
        }
    }

    @Test
    @Order(8)
    void outboxRelayHaltedAfterSendingBeforeMarking() {
        try (TestDatabase database = TestDatabase.create("continuity_rel_outbox")) {
            Db db = ServiceRuns.db(database);
            OutputLog output = OutputLog.from(broker.bootstrapServers());
            String group = "rel-outbox";
            long unmarked;
            try (ServiceProcess first = start("outbox-halt-1", database.jdbcUrl(), group, Map.of("continuity.faults.halt-after-outbox-send", "1",
                    "continuity.outbox.batch-size", "20"))) {
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> !first.isAlive());
                assertThat(first.waitForExit()).as("halted by the crash point").isEqualTo(CrashPoints.HALT_STATUS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            // rows Kafka already has (sent before the halt) but the database still calls unpublished
            unmarked = output.read().size() - db.count("SELECT count(*) FROM outbox WHERE published_at IS NOT NULL");
            assertThat(unmarked).as("sent but never marked published").isPositive();
            long faultEnd = System.nanoTime();
            ServiceProcess second = start("outbox-halt-2", database.jdbcUrl(), group, Map.of());
            Finished finished = finish("7 outbox relay halted after send, before mark", db, group, output, faultEnd, second,
                    unmarked + " rows sent but unmarked at the halt");
            assertThat(finished.republished()).as("the unmarked rows were sent again, with their ce_id").isGreaterThanOrEqualTo(unmarked);
        }
    }

    @Test
    @Order(9)
    void fullRebuildIntoAnEmptyDatabaseWhileTheLiveInstanceRuns() throws Exception {
        try (TestDatabase liveDatabase = TestDatabase.create("continuity_rel_live");
                TestDatabase rebuildDatabase = TestDatabase.create("continuity_rel_rebuild")) {
            Db live = ServiceRuns.db(liveDatabase);
            Db rebuilt = ServiceRuns.db(rebuildDatabase);
            OutputLog output = OutputLog.from(broker.bootstrapServers());
            try (ServiceProcess liveService = start("live", liveDatabase.jdbcUrl(), "rel-live", Map.of())) {
                ServiceRuns.awaitCaughtUpAndResolved(broker.bootstrapServers(), live, "rel-live", ends, PATIENCE);
                long started = System.nanoTime();
                try (ServiceProcess rebuild = start("rebuild", rebuildDatabase.jdbcUrl(), "rel-rebuild", Map.of())) {
                    ServiceRuns.awaitCaughtUpAndResolved(broker.bootstrapServers(), rebuilt, "rel-rebuild", ends, PATIENCE);
                    assertThat(liveService.isAlive()).isTrue();
                    Map<String, String> liveSums = checksums(live);
                    Map<String, String> rebuiltSums = checksums(rebuilt);
                    assertThat(rebuiltSums).isEqualTo(liveSums).isEqualTo(checksums(reference));
                    long rebuildMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                    List<OutputLog.Published> published = output.read();
                    assertThat(OutputLog.versionRegressions(published)).isEmpty();
                    assertPublished(live, published);
                    assertPublished(rebuilt, published);
                    long twice = appliedTwice(live) + appliedTwice(rebuilt);
                    long resent = published.size() - live.count("SELECT count(*) FROM outbox") - rebuilt.count("SELECT count(*) FROM outbox");
                    assertThat(twice).isZero();
                    new ScenarioRow("8 rebuild from offset 0 beside the live instance", ScenarioRow.currentScale(), recordsSent,
                            journal(rebuilt).size(), rejected(rebuilt), lost(rebuilt), twice, 0,
                            "md5 of " + rebuiltSums.size() + " ordered tables identical to the live instance and the reference; rebuilt in "
                                    + rebuildMillis / 1000 + " s; both published, each once: " + resent + " records resent")
                            .write();
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the oracles, checked at the end of every scenario

    /**
     * Waits until the service has caught up and resolved everything (the recovery time ends there), stops it, checks
     * the four oracles and writes the scenario's row.
     */
    /** A scenario's row and how many records its runs published more than once (same ce_id). */
    private record Finished(ScenarioRow row, long republished) {
    }

    private static Finished finish(String scenario, Db db, String group, OutputLog output, long faultEnd, ServiceProcess service, String fault) {
        long duplicatesRecognised;
        long recovered;
        try (service) {
            ServiceRuns.awaitCaughtUpAndResolved(broker.bootstrapServers(), db, group, ends, PATIENCE);
            recovered = Duration.ofNanos(System.nanoTime() - faultEnd).toMillis();
            duplicatesRecognised = metric(service, "continuity_events_duplicates_total");
        }
        // (a) the projection equals the fault-free reference
        assertThat(ProjectionSnapshot.of(db)).isEqualTo(reference);
        // (b) nothing applied twice
        long twice = appliedTwice(db);
        assertThat(twice).as("applied twice").isZero();
        long lost = lost(db);
        assertThat(lost).as("lost").isZero();
        // (c) per channel and day, no ScheduleDay version after a newer one
        List<OutputLog.Published> published = output.read();
        assertThat(OutputLog.versionRegressions(published)).isEmpty();
        // (d) every committed ScheduleDay version and every outbox row is on Kafka
        assertPublished(db, published);
        // (e) every applied override is in the newest published version of its day
        assertOverridesAired(db, published);
        // each outbox row is one record (a dead-lettered duplicate input has its own row, with the input's ce_id); more records than rows were resent
        long republished = published.size() - db.count("SELECT count(*) FROM outbox");
        ScenarioRow row = new ScenarioRow(scenario, ScenarioRow.currentScale(), recordsSent, journal(db).size(), rejected(db), lost, twice,
                recovered, fault + "; (a) snapshot = reference, (b) journal/versions = reference, (c) " + dayVersions(published)
                        + " day versions in order, (d) all " + db.count("SELECT count(*) FROM broadcast_schedule_day") + " days and "
                        + db.count("SELECT count(*) FROM outbox") + " outbox rows published; " + republished + " records resent (same ce_id), "
                        + duplicatesRecognised + " input duplicates recognised by the last process");
        return new Finished(row.write(), republished);
    }

    private static long dayVersions(List<OutputLog.Published> published) {
        return published.stream().filter(p -> io.continuity.events.EventType.DAY_PUBLISHED.ceType().equals(p.ceType())).map(p -> p.ceId())
                .distinct().count();
    }

    /**
     * Oracle (e): every override of the corpus was applied, and the newest published version of its day airs it at the
     * time it asked for (the event the override makes has a uuid derived from the override).
     */
    private static void assertOverridesAired(Db db, List<OutputLog.Published> published) {
        List<Map<String, Object>> applied = db.rows("""
                SELECT id, channel_id::text AS channel, broadcast_day::text AS day, start_utc FROM playlog_override WHERE status = 'APPLIED'""");
        assertThat(applied).as("applied overrides").hasSize(corpus.overrideCount());
        Map<String, io.continuity.events.DayPublished> newest = new java.util.HashMap<>();
        for (OutputLog.Published p : published) {
            if (io.continuity.events.EventType.DAY_PUBLISHED.ceType().equals(p.ceType())) {
                try {
                    io.continuity.events.DayPublished day = io.continuity.events.EventJson.mapper().readValue(p.payload(),
                            io.continuity.events.DayPublished.class);
                    newest.merge(day.channelId() + "/" + day.broadcastDay(), day, (a, b) -> a.version() >= b.version() ? a : b);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        for (Map<String, Object> o : applied) {
            UUID air = io.continuity.resolver.core.OverrideLayer.eventUuid((UUID) o.get("id"), "air", null);
            Instant start = o.get("start_utc") instanceof java.sql.Timestamp t ? t.toInstant() : ((java.time.OffsetDateTime) o.get("start_utc")).toInstant();
            assertThat(newest.get(o.get("channel") + "/" + o.get("day"))).as("newest published %s/%s", o.get("channel"), o.get("day"))
                    .isNotNull().satisfies(day -> assertThat(day.events()).as("override %s in it", o.get("id"))
                            .anyMatch(e -> e.uuid().equals(air) && e.startUtc().equals(start)));
        }
    }

    /** Oracle (d): every ScheduleDay version in the database, and every outbox row, is on its topic. */
    private static void assertPublished(Db db, List<OutputLog.Published> published) {
        Map<String, Set<String>> ids = OutputLog.idsByTopic(published);
        Set<String> days = new TreeSet<>();
        db.rows("SELECT id::text AS id FROM broadcast_schedule_day").forEach(r -> days.add((String) r.get("id")));
        assertThat(ids.getOrDefault(Topic.PLAYLOG.topicName(), Set.of())).as("every committed ScheduleDay version published").containsAll(days);
        assertThat(db.count("SELECT count(*) FROM outbox WHERE published_at IS NULL")).isZero();
        for (Map<String, Object> row : db.rows("SELECT topic, headers->>'ce_id' AS id FROM outbox")) {
            assertThat(ids.getOrDefault((String) row.get("topic"), Set.of())).as("outbox row %s on %s", row.get("id"), row.get("topic"))
                    .contains((String) row.get("id"));
        }
    }

    /**
     * Oracle (b). {@code event_journal.event_id} is a primary key, so a second insert of one event id cannot commit —
     * it would make the database refuse the batch, and the record would end up rejected as "refused by the database".
     * Every aggregate's version counts the events applied to it, so an event applied twice under another path shows as
     * a higher version sum than the reference's. Both are counted.
     */
    private static long appliedTwice(Db db) {
        long refused = db.count("SELECT count(*) FROM rejected_event WHERE reason_detail LIKE 'refused by the database%'");
        long extraVersions = Math.max(0, aggregateVersions(db) - referenceVersions);
        long journalRepeats = db.count("SELECT count(*) - count(DISTINCT event_id) FROM event_journal");
        return refused + extraVersions + journalRepeats;
    }

    private static long aggregateVersions(Db db) {
        return db.count("""
                SELECT (SELECT coalesce(sum(version), 0) FROM channel) + (SELECT coalesce(sum(version), 0) FROM schedule_plan)
                     + (SELECT coalesce(sum(version), 0) FROM schedule_plan_label)
                     + (SELECT coalesce(sum(version), 0) FROM schedule_plan_block_assignments)
                     + (SELECT coalesce(sum(version), 0) FROM catalog_asset) + (SELECT coalesce(sum(version), 0) FROM virtual_asset)""");
    }

    /** Accepted events of the reference run missing here. */
    private static long lost(Db db) {
        Set<String> missing = new TreeSet<>(referenceJournal);
        missing.removeAll(journal(db));
        return missing.size();
    }

    private static Set<String> journal(Db db) {
        return db.rows("SELECT event_id FROM event_journal WHERE topic <> 'continuity.schedule-decisions'")
                .stream().map(r -> (String) r.get("event_id")).collect(Collectors.toSet());
    }

    private static long rejected(Db db) {
        return db.count("SELECT count(*) FROM rejected_event");
    }

    private static Map<String, String> checksums(Db db) {
        return checksums(ProjectionSnapshot.of(db));
    }

    /** md5 over each table's ordered rows. */
    private static Map<String, String> checksums(Map<String, List<Map<String, Object>>> snapshot) {
        Map<String, String> sums = new LinkedHashMap<>();
        snapshot.forEach((table, rows) -> {
            try {
                MessageDigest md5 = MessageDigest.getInstance("MD5");
                rows.forEach(row -> md5.update((row.toString() + "\n").getBytes(StandardCharsets.UTF_8)));
                sums.put(table, HexFormat.of().formatHex(md5.digest()));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
        return sums;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static ServiceProcess start(String name, String jdbcUrl, String group, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.username", "postgres");
        config.put("continuity.consumer-group", group);
        config.put("continuity.clock.start", "2026-11-23T07:00:00Z");
        // a dead member is noticed after the session timeout: short, as in HorizontalScalingIT, so restarts rejoin quickly
        config.put("kafka.session.timeout.ms", "10000");
        config.put("kafka.heartbeat.interval.ms", "2000");
        config.putAll(extra);
        return ServiceProcess.start(name, ServiceProcess.packagedJar(), ServiceProcess.freePort(), config, logs.resolve(name + ".log"));
    }

    /** The fault's own duration: keeps the broker or database away until {@code duration} after {@code since}. */
    private static void pauseUntil(long since, Duration duration) {
        long left = since + duration.toNanos() - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Kafka's committed offsets of the group on the input topics. */
    private static Map<TopicPartition, Long> kafkaCommitted(String group) {
        try (Admin admin = broker.admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets every committed offset of the (stopped) group to 0, as {@code kafka-consumer-groups --reset-offsets --to-earliest}. */
    private static void resetToZero(String group) {
        try (Admin admin = broker.admin()) {
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
                for (String topic : List.of(Topic.PLAN_EVENTS.topicName(), Topic.CATALOG_EVENTS.topicName(), Topic.OVERRIDE_COMMANDS.topicName(),
                        Topic.AS_RUN.topicName(), Topic.SCHEDULE_DECISIONS.topicName())) {
                    for (int p = 0; p < 3; p++) {
                        zero.put(new TopicPartition(topic, p), new OffsetAndMetadata(0));
                    }
                }
                // refused while the group still has members (the stopped service's session has not expired yet)
                admin.alterConsumerGroupOffsets(group, zero).all().get();
                return true;
            });
        }
    }

    /** The positions an instance resumed at, from its "Assigned ...: resuming at offset" log lines. */
    private static Map<String, Long> resumedPositions(Path log) {
        Map<String, Long> positions = new HashMap<>();
        try {
            if (Files.exists(log)) {
                Matcher m = ASSIGNED.matcher(Files.readString(log, StandardCharsets.UTF_8));
                while (m.find()) {
                    positions.put(m.group(1), Long.parseLong(m.group(2)));
                }
            }
            return positions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sum of one Prometheus counter over its labels, from the service's /q/metrics. */
    private static long metric(ServiceProcess service, String name) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.httpPort() + "/q/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Math.round(response.body().lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum());
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
