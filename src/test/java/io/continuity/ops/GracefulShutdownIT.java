package io.continuity.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.continuity.testing.Db;
import io.continuity.testing.EmbeddedKafka;
import io.continuity.testing.EventCorpus;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.ProjectionSnapshot;
import io.continuity.testing.ServiceProcess;
import io.continuity.testing.TestDatabase;

/**
 * SIGTERM in the middle of the event stream: the service exits well within the Kubernetes termination grace period,
 * and a restart carries on so that the result is exactly that of one uninterrupted run — nothing applied twice,
 * nothing lost, nothing left in the outbox.
 */
class GracefulShutdownIT {

    /** terminationGracePeriodSeconds of deploy/base/deployment.yaml. */
    private static final Duration GRACE = Duration.ofSeconds(45);

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
    void sigtermMidStreamExitsWithinTheGracePeriodAndARestartChangesNothing() {
        EventCorpus corpus = new EventCorpus(7).catalog(10, 60).channels(16).garbage("continuity.plan-events", "x");
        try (KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            for (int copy = 0; copy < 3; copy++) {
                corpus.records().forEach(client::send);
            }
        }
        Map<String, Long> ends = ServiceRuns.endOffsets(kafka.bootstrapServers(), ServiceRuns.CORPUS_TOPICS);
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        try (TestDatabase interrupted = TestDatabase.create("continuity_sigterm");
                TestDatabase reference = TestDatabase.create("continuity_sigterm_ref")) {
            Db db = ServiceRuns.db(interrupted);
            Map<String, String> config = ServiceRuns.config(kafka.bootstrapServers(), interrupted, "sigterm");

            long atSigterm;
            Duration exit;
            try (ServiceProcess first = ServiceProcess.start("sigterm-1", ServiceProcess.packagedJar(), ServiceProcess.freePort(), config,
                    logs.resolve("sigterm-1.log"))) {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> ServiceRuns.applied(db, "sigterm") > 0);
                atSigterm = ServiceRuns.applied(db, "sigterm");
                long started = System.nanoTime();
                first.stop(GRACE.plusSeconds(30));
                exit = Duration.ofNanos(System.nanoTime() - started);
            }
            long afterExit = ServiceRuns.applied(db, "sigterm");
            System.out.printf("SIGTERM after %d of %d records applied; exited in %d ms; %d applied at exit%n", atSigterm, total,
                    exit.toMillis(), afterExit);
            assertThat(atSigterm).as("SIGTERM arrived mid-stream").isLessThan(total);
            assertThat(exit).isLessThan(GRACE.minusSeconds(10));

            try (ServiceProcess second = ServiceProcess.start("sigterm-2", ServiceProcess.packagedJar(), ServiceProcess.freePort(), config,
                    logs.resolve("sigterm-2.log"))) {
                ServiceRuns.awaitCaughtUpAndResolved(kafka.bootstrapServers(), db, "sigterm", ends);
            }
            Db expected = ServiceRuns.db(reference);
            try (ServiceProcess single = ServiceProcess.start("sigterm-ref", ServiceProcess.packagedJar(), ServiceProcess.freePort(),
                    ServiceRuns.config(kafka.bootstrapServers(), reference, "sigterm-ref"), logs.resolve("sigterm-ref.log"))) {
                ServiceRuns.awaitCaughtUpAndResolved(kafka.bootstrapServers(), expected, "sigterm-ref", ends);
            }

            assertThat(db.count("SELECT count(*) FROM event_journal WHERE topic <> 'continuity.schedule-decisions'"))
                    .isEqualTo(corpus.records().size() - corpus.invalidCount());
            assertThat(db.count("SELECT count(*) FROM (SELECT event_id FROM event_journal GROUP BY event_id HAVING count(*) > 1) d")).isZero();
            assertThat(db.count("SELECT count(*) FROM outbox WHERE published_at IS NULL")).isZero();
            Map<String, List<Map<String, Object>>> snapshot = ProjectionSnapshot.of(db);
            assertThat(snapshot.get("broadcast_schedule_day")).hasSize(16 * 5);
            assertThat(snapshot).isEqualTo(ProjectionSnapshot.of(expected));
        }
    }
}
