package io.continuity.reliability.input;

import static io.continuity.reliability.input.InputScenarios.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.continuity.events.OutgoingRecord;
import io.continuity.events.Topic;
import io.continuity.reliability.ScenarioRow;
import io.continuity.reliability.input.PoisonRecords.Poison;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Poison input: a generated stream of invalid records of every kind, interleaved with a valid history on plan-events and
 * catalog-events. Oracle: the valid history's projection equals the same history applied without poison under other
 * ids; every invalid record is in rejected_event and on its topic's DLQ, unchanged, with its reason; nothing is applied
 * that should not be; the heap the service holds after the run stays within {@link #HEAP_GROWTH_LIMIT} of before.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class PoisonInputScenarioTest {

    private static final Logger LOG = Logger.getLogger(PoisonInputScenarioTest.class);
    /** Growth of the heap in use (after full GCs) from before to after the run that counts as bounded. */
    static final long HEAP_GROWTH_LIMIT = 64L * 1024 * 1024;
    private static final long SEED = 20261123L;
    private static KafkaTestClient kafka;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    /** The figures of one run, kept apart from the records so that these can be collected before the heap is measured. */
    private record Outcome(long sent, long validSent, long applied, long poisonSent, long rejected, long appliedTwice, long kinds) {
    }

    @Test
    void invalidRecordsAreDeadLetteredWithTheirReasonAndValidOnesApplyAsIfAlone() {
        long heapBefore = InputScenarios.heapUsedAfterGc();
        Outcome outcome = run(ScenarioRow.full());
        long heapAfter = InputScenarios.heapUsedAfterGc();
        long growth = heapAfter - heapBefore;
        long lost = (outcome.validSent() - outcome.applied()) + (outcome.poisonSent() - outcome.rejected());
        LOG.infof("Poison input: heap used after GC %d MiB before, %d MiB after (limit +%d MiB)", heapBefore >> 20, heapAfter >> 20,
                HEAP_GROWTH_LIMIT >> 20);
        assertThat(lost).isZero();
        assertThat(outcome.appliedTwice()).isZero();
        assertThat(growth).as("heap growth after GC, bytes").isLessThan(HEAP_GROWTH_LIMIT);

        new ScenarioRow("input: poison records", ScenarioRow.currentScale(), outcome.sent(), outcome.applied(), outcome.rejected(), lost,
                outcome.appliedTwice(), 0, String.format(java.util.Locale.ROOT, "projection = same valid history alone; all %d invalid "
                        + "(%d distinct cases) in rejected_event and on .dlq with reason; heap after GC %+d MiB (limit +%d)", outcome.poisonSent(),
                        outcome.kinds(), growth >> 20, HEAP_GROWTH_LIMIT >> 20)).write();
    }

    private Outcome run(boolean full) {
        int channels = full ? 12 : 2;
        int series = full ? 20 : 4;
        int poisonCount = full ? 1_200 : 209;
        Db db = new Db(dataSource);

        InputWorld clean = new InputWorld(SEED, channels, series);
        InputWorld poisoned = new InputWorld(SEED, channels, series);
        String run = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        List<Poison> poison = new PoisonRecords(poisoned, SEED, run).generate(poisonCount);
        List<OutgoingRecord> stream = PoisonRecords.interleave(poisoned.records(), poison, SEED);
        assertThat(poison.stream().map(Poison::kind).map(k -> k.replaceAll("^missing (ce_.*|header)$", "missing header")).distinct())
                .as("kinds of bad input").hasSizeGreaterThanOrEqualTo(PoisonRecords.kindCount());

        long started = System.nanoTime();
        clean.sendTo(kafka);
        stream.forEach(kafka::send);
        List<String> validIds = poisoned.eventIds();
        await().atMost(Duration.ofSeconds(full ? 300 : 90)).pollInterval(Duration.ofMillis(250)).until(() ->
                InputScenarios.applied(db, validIds) == validIds.size()
                        && InputScenarios.applied(db, clean.eventIds()) == clean.records().size()
                        && db.count("SELECT count(*) FROM rejected_event WHERE headers->>'" + PoisonRecords.CASE_HEADER + "' LIKE ?",
                                run + ":%") == poison.size());
        long settledMillis = (System.nanoTime() - started) / 1_000_000;

        Map<String, List<Map<String, String>>> once = clean.snapshot(db);
        Map<String, List<Map<String, String>>> underPoison = poisoned.snapshot(db);
        assertThat(InputWorld.aggregates(once)).isGreaterThan(channels * 12L);
        assertThat(underPoison).isEqualTo(once);
        assertThat(InputScenarios.rejected(db, validIds)).as("valid records refused").isZero();

        Map<String, Map<String, Object>> rejections = new HashMap<>();
        for (Map<String, Object> row : db.rows("SELECT headers->>'" + PoisonRecords.CASE_HEADER + "' AS case_id, reason_code, reason_field, "
                + "reason_detail FROM rejected_event WHERE headers->>'" + PoisonRecords.CASE_HEADER + "' LIKE ?", run + ":%")) {
            assertThat(rejections.put((String) row.get("case_id"), row)).as("rejected once: %s", row.get("case_id")).isNull();
        }
        for (Poison p : poison) {
            Map<String, Object> row = rejections.get(p.id());
            assertThat(row).as("%s (%s) in rejected_event", p.kind(), p.id()).isNotNull();
            assertThat(p.codes()).as("%s: reason %s (%s)", p.kind(), row.get("reason_code"), row.get("reason_detail"))
                    .contains((String) row.get("reason_code"));
            if (p.field() != null) {
                assertThat(row.get("reason_field")).as("%s: field", p.kind()).isEqualTo(p.field());
            }
        }

        Map<String, ConsumerRecord<String, byte[]>> dlq = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            dlq.putAll(InputScenarios.deadLettered(kafka, Topic.PLAN_EVENTS.deadLetterTopic(), PoisonRecords.CASE_HEADER));
            dlq.putAll(InputScenarios.deadLettered(kafka, Topic.CATALOG_EVENTS.deadLetterTopic(), PoisonRecords.CASE_HEADER));
            return poison.stream().allMatch(p -> dlq.containsKey(p.id()));
        });
        for (Poison p : poison) {
            ConsumerRecord<String, byte[]> r = dlq.get(p.id());
            assertThat(r.topic()).as(p.kind()).isEqualTo(p.record().topic() + ".dlq");
            assertThat(r.value()).as("%s: payload unchanged", p.kind()).isEqualTo(p.record().payload());
            assertThat(r.key()).as(p.kind()).isEqualTo(p.record().key());
            assertThat(p.codes()).as("%s: dlq-reason", p.kind()).contains(header(r, "dlq-reason"));
            assertThat(header(r, "dlq-reason-detail")).as(p.kind()).isNotBlank();
            assertThat(header(r, "dlq-original-topic")).as(p.kind()).isEqualTo(p.record().topic());
        }
        Poison sample = poison.stream().filter(p -> p.record().headers().containsKey("ce_id")).findFirst().orElseThrow();
        Tokens.asViewer().queryParam("event_id", sample.record().headers().get("ce_id")).get("/api/v1/rejected-events").then()
                .statusCode(200).body("[0].reason_code", org.hamcrest.Matchers.equalTo(rejections.get(sample.id()).get("reason_code")));

        long validSent = poisoned.records().size();
        long rejected = poison.stream().filter(p -> rejections.containsKey(p.id()) && dlq.containsKey(p.id())).count();
        Map<String, Long> byReason = rejections.values().stream()
                .collect(Collectors.groupingBy(r -> (String) r.get("reason_code"), java.util.TreeMap::new, Collectors.counting()));
        long kinds = poison.stream().map(Poison::kind).distinct().count();
        LOG.infof("Poison input: %d records (%d valid, %d invalid of %d kinds) settled in %d ms; rejections by reason %s", stream.size(),
                validSent, poison.size(), kinds, settledMillis, byReason);
        return new Outcome(stream.size(), validSent, InputScenarios.applied(db, validIds), poison.size(), rejected,
                InputWorld.versionsAhead(underPoison, once), kinds);
    }
}
