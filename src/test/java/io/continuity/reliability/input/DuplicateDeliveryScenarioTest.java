package io.continuity.reliability.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.continuity.events.OutgoingRecord;
import io.continuity.reliability.ScenarioRow;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.KafkaTestClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Every record delivered twice, as a producer that retries after a lost acknowledgement does: half of the copies right
 * behind their original, the other half after the whole history (a late redelivery). Oracle: the projection equals the
 * same history delivered once under other ids, every copy is counted by the service's duplicate metric, the journal
 * holds each event once, and no aggregate's version moved further than once-only delivery moves it.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class DuplicateDeliveryScenarioTest {

    private static final Logger LOG = Logger.getLogger(DuplicateDeliveryScenarioTest.class);
    private static final long SEED = 4242L;
    private static KafkaTestClient kafka;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void everyRecordDeliveredTwiceIsAppliedOnceAndCountedAsDuplicate() {
        boolean full = ScenarioRow.full();
        InputWorld once = new InputWorld(SEED, full ? 12 : 3, full ? 20 : 4);
        InputWorld twice = new InputWorld(SEED, full ? 12 : 3, full ? 20 : 4);
        Db db = new Db(dataSource);
        double duplicatesBefore = duplicates();

        once.sendTo(kafka);
        List<OutgoingRecord> records = twice.records();
        for (int i = 0; i < records.size(); i++) {
            kafka.send(records.get(i));
            if (i % 2 == 0) {
                kafka.send(records.get(i));
            }
        }
        for (int i = 1; i < records.size(); i += 2) {
            kafka.send(records.get(i));
        }
        long sent = records.size() * 2L;
        await().atMost(Duration.ofSeconds(full ? 240 : 90)).pollInterval(Duration.ofMillis(250)).until(() ->
                InputScenarios.applied(db, once.eventIds()) == once.records().size()
                        && InputScenarios.applied(db, twice.eventIds()) == records.size()
                        && duplicates() - duplicatesBefore >= records.size());

        Map<String, List<Map<String, String>>> expected = once.snapshot(db);
        Map<String, List<Map<String, String>>> actual = twice.snapshot(db);
        long applied = InputScenarios.applied(db, twice.eventIds());
        long duplicatesCounted = Math.round(duplicates() - duplicatesBefore);
        long appliedTwice = InputWorld.versionsAhead(actual, expected);
        long rejected = InputScenarios.rejected(db, twice.eventIds());
        LOG.infof("Duplicate delivery: %d records sent (%d distinct), %d applied, %d counted as duplicates, %d rejected, %d aggregates "
                + "compared", sent, records.size(), applied, duplicatesCounted, rejected, InputWorld.aggregates(actual));

        assertThat(InputWorld.aggregates(expected)).isGreaterThan(0);
        assertThat(actual).isEqualTo(expected);
        assertThat(applied).as("journal entries of the distinct events").isEqualTo(records.size());
        assertThat(duplicatesCounted).as("copies counted by continuity.events.duplicates").isEqualTo(records.size());
        assertThat(rejected).isZero();
        assertThat(appliedTwice).isZero();
        long lost = records.size() - applied;
        assertThat(lost).isZero();

        new ScenarioRow("input: every record delivered twice", ScenarioRow.currentScale(), sent, applied, rejected, lost, appliedTwice, 0,
                "projection = same history delivered once; " + duplicatesCounted + " copies counted as duplicates; journal holds each "
                        + "event once; versions as after one delivery").write();
    }

    private double duplicates() {
        return metrics.find("continuity.events.duplicates").counters().stream().mapToDouble(Counter::count).sum();
    }
}
