package io.continuity.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * Two instances of the packaged service in one consumer group, on one broker and one database: each channel is
 * resolved by one owner, and when one instance is killed (SIGKILL) while resolving, the other takes its partitions
 * over and the end result — projection tables and published ScheduleDays — equals a single instance's.
 */
class HorizontalScalingIT {

    private static final Pattern ASSIGNED = Pattern.compile("Assigned (continuity\\.plan-events-\\d+): resuming");
    private static final Pattern PLAN_PARTITION = Pattern.compile("continuity\\.plan-events-\\d+");
    private static final Pattern RESOLVED = Pattern.compile("Resolved (ch-[0-9a-f]{8}) ");
    private static final int PARTITIONS = 6;
    private static final int CHANNELS = 16;

    private static EmbeddedKafka kafka;
    private static Path logs;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start(0, PARTITIONS);
        logs = Files.createDirectories(Path.of("target", "it-logs"));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void aKilledInstancesChannelsMoveToTheOtherAndTheResultEqualsASingleInstance() throws Exception {
        EventCorpus corpus = new EventCorpus(11).catalog(8, 40).channels(CHANNELS);
        try (KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            corpus.records().forEach(client::send);
            corpus.records().forEach(client::send);
        }
        Map<String, Long> ends = ServiceRuns.endOffsets(kafka.bootstrapServers(), ServiceRuns.CORPUS_TOPICS);
        try (TestDatabase single = TestDatabase.create("continuity_scale_one"); TestDatabase pair = TestDatabase.create("continuity_scale_two")) {
            Db expected = ServiceRuns.db(single);
            try (ServiceProcess one = ServiceProcess.start("scale-single", ServiceProcess.packagedJar(), ServiceProcess.freePort(),
                    ServiceRuns.config(kafka.bootstrapServers(), single, "scale-single"), logs.resolve("scale-single.log"))) {
                ServiceRuns.awaitCaughtUpAndResolved(kafka.bootstrapServers(), expected, "scale-single", ends);
            }
            Map<Integer, Long> playlogBefore = ServiceRuns.partitionEnds(kafka.bootstrapServers(), "continuity.playlog");

            Db db = ServiceRuns.db(pair);
            Map<String, String> config = new HashMap<>(ServiceRuns.config(kafka.bootstrapServers(), pair, "scale-pair"));
            // a dead member is noticed after the session timeout: keep it short so the takeover is quick
            config.put("kafka.session.timeout.ms", "10000");
            config.put("kafka.heartbeat.interval.ms", "2000");
            // which instance resolved which channel: the per-version "Resolved <slug> <day>" lines are at DEBUG (without the decisions)
            config.put("quarkus.log.category.\"io.continuity.resolver.ChannelResolution\".level", "DEBUG");
            Path logA = logs.resolve("scale-a.log");
            Path logB = logs.resolve("scale-b.log");
            try (ServiceProcess a = ServiceProcess.start("scale-a", ServiceProcess.packagedJar(), ServiceProcess.freePort(), config, logA);
                    ServiceProcess b = ServiceProcess.start("scale-b", ServiceProcess.packagedJar(), ServiceProcess.freePort(), config, logB)) {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() ->
                        !owned(logA).isEmpty() && !owned(logB).isEmpty() && !resolved(logA).isEmpty() && !resolved(logB).isEmpty());
                Set<String> ownedByA = owned(logA);
                assertThat(ownedByA).as("partitions are split").doesNotContainAnyElementsOf(owned(logB));
                Set<String> resolvedByABeforeKill = resolved(logA);
                Set<String> resolvedByBBeforeKill = resolved(logB);
                long killedAt = System.nanoTime();
                a.kill();
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() -> owned(logB).containsAll(ownedByA));
                Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
                ServiceRuns.awaitCaughtUpAndResolved(kafka.bootstrapServers(), db, "scale-pair", ends);

                System.out.printf("Scaling: %d records (%d events), %d plan-events partitions, %d moved from A to B (%s) in %d ms; "
                        + "channels resolved by A before the kill: %d, by B before the kill: %d, by B in all: %d%n",
                        ends.values().stream().mapToLong(Long::longValue).sum(), corpus.records().size(), PARTITIONS, ownedByA.size(),
                        ownedByA, takeover.toMillis(), resolvedByABeforeKill.size(), resolvedByBBeforeKill.size(), resolved(logB).size());
                assertThat(ownedByA).isNotEmpty().hasSizeLessThan(PARTITIONS);
                assertThat(Collections.disjoint(resolvedByABeforeKill, resolvedByBBeforeKill)).as("one owner per channel while both ran: %s / %s",
                        resolvedByABeforeKill, resolvedByBBeforeKill).isTrue();
                assertThat(takeover).isLessThan(Duration.ofSeconds(45));
                assertThat(Files.readString(logA) + Files.readString(logB)).as("no instance applied records another had applied")
                        .doesNotContain("The database refused a batch");
            }

            assertThat(db.count("SELECT count(*) FROM (SELECT channel_id, broadcast_day FROM broadcast_schedule_day "
                    + "GROUP BY channel_id, broadcast_day HAVING count(*) > 1) twice")).as("no day resolved twice").isZero();
            assertThat(db.count("SELECT count(*) FROM (SELECT event_id FROM event_journal GROUP BY event_id HAVING count(*) > 1) d")).isZero();
            Map<String, List<Map<String, Object>>> snapshot = ProjectionSnapshot.of(db);
            assertThat(snapshot.get("broadcast_schedule_day")).hasSize(CHANNELS * 5);
            assertThat(snapshot).isEqualTo(ProjectionSnapshot.of(expected));
            assertPublishedTheSameDays(playlogBefore);
        }
    }

    /** The pair published (at least once) exactly the ScheduleDays the single instance published before it. */
    private static void assertPublishedTheSameDays(Map<Integer, Long> singleRunEnds) {
        List<ConsumerRecord<String, byte[]>> all;
        try (KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            all = client.readAll("continuity.playlog", Integer.MAX_VALUE, Duration.ofSeconds(8));
        }
        Set<String> single = new TreeSet<>();
        Set<String> pair = new TreeSet<>();
        int pairRecords = 0;
        for (ConsumerRecord<String, byte[]> r : all) {
            String id = new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
            if (r.offset() < singleRunEnds.getOrDefault(r.partition(), 0L)) {
                single.add(id);
            } else {
                pair.add(id);
                pairRecords++;
            }
        }
        System.out.printf("Published: single instance %d ScheduleDays; pair %d distinct in %d records%n", single.size(), pair.size(), pairRecords);
        assertThat(single).hasSize(CHANNELS * 5);
        assertThat(pair).isEqualTo(single);
    }

    /** The plan-events partitions an instance owns now, replaying its "Assigned" and "Revoked" log lines in order. */
    private static Set<String> owned(Path log) {
        Set<String> owned = new TreeSet<>();
        try {
            if (!Files.exists(log)) {
                return owned;
            }
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher assigned = ASSIGNED.matcher(line);
                if (assigned.find()) {
                    owned.add(assigned.group(1));
                } else if (line.contains("Revoked [")) {
                    Matcher revoked = PLAN_PARTITION.matcher(line.substring(line.indexOf("Revoked [")));
                    while (revoked.find()) {
                        owned.remove(revoked.group());
                    }
                }
            }
            return owned;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> resolved(Path log) {
        return matches(log, RESOLVED);
    }

    private static Set<String> matches(Path log, Pattern pattern) {
        Set<String> found = new HashSet<>();
        try {
            if (!Files.exists(log)) {
                return found;
            }
            Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
            while (m.find()) {
                found.add(m.group(1));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
