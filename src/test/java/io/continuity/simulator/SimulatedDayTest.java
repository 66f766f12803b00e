package io.continuity.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.ScheduledChannel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * The whole loop for one simulated day: Continuity resolves and publishes, the reference ChannelManager plays on an
 * accelerated clock and reports as-run, and every event of the day reconciles OK.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
@TestProfile(SimulatedDayTest.HalfHourPerSecond.class)
class SimulatedDayTest {

    static final UUID CHANNEL = UUID.fromString("5e1e0000-0000-4000-8000-000000000002");

    /** Thirty simulated minutes per second: a day in 48 seconds. */
    public static class HalfHourPerSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("continuity.clock.speed", "1800", "continuity.simulator.enabled", "true",
                    "continuity.simulator.channels", "ch-5e1e0000", "continuity.simulator.tick", "PT0.05S",
                    "continuity.horizon.roll-interval", "PT6H", "continuity.reconciliation.grace", "PT1M",
                    "continuity.reconciliation.sweep-interval", "1s");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void aWholeSimulatedDayAirsAsPlannedAndEveryEventReconcilesOk() {
        Db db = new Db(dataSource);
        try (KafkaTestClient kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers())) {
            new ScheduledChannel(CHANNEL).publish(kafka, db);
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM as_run_log WHERE channel_id = ?", CHANNEL) > 0);
            Instant first = ((Timestamp) db.value("SELECT min(actual_start_utc) FROM as_run_log WHERE channel_id = ?", CHANNEL)).toInstant();
            Instant dayLater = first.plus(Duration.ofDays(1));
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                Timestamp last = (Timestamp) db.value("SELECT max(actual_end_utc) FROM as_run_log WHERE channel_id = ?", CHANNEL);
                return last != null && !last.toInstant().isBefore(dayLater.plus(Duration.ofMinutes(30)));
            });
            String played = """
                    SELECT e.uuid FROM broadcast_playlog_event e JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id
                    WHERE d.channel_id = ? AND d.superseded_at IS NULL AND NOT e.is_overridden AND e.kind <> 'gap'
                      AND e.start_utc > ? AND e.end_utc <= ?""";
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    db.count("SELECT count(*) FROM reconciliation_result r WHERE r.playlog_event_uuid IN (" + played + ")",
                            CHANNEL, Timestamp.from(first), Timestamp.from(dayLater)) >= db.count("SELECT count(*) FROM (" + played + ") p",
                            CHANNEL, Timestamp.from(first), Timestamp.from(dayLater)));
            List<Map<String, Object>> outcomes = db.rows("SELECT outcome, count(*) AS n FROM reconciliation_result WHERE playlog_event_uuid IN ("
                    + played + ") GROUP BY outcome", CHANNEL, Timestamp.from(first), Timestamp.from(dayLater));
            assertThat(outcomes).singleElement().satisfies(row -> {
                assertThat(row.get("outcome")).isEqualTo("OK");
                assertThat((Long) row.get("n")).isGreaterThan(48);
            });
        }
    }
}
