package io.continuity.override;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.continuity.events.AlertRaised;
import io.continuity.events.AssetRetired;
import io.continuity.events.EventJson;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.ScheduledChannel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Retiring a scheduled asset re-resolves the unfrozen events that used it and raises FALLBACK_APPLIED. */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class FallbackIntegrationTest {

    @Inject
    DataSource dataSource;

    @Test
    void retiringAScheduledAssetReplacesItsUnfrozenEventsAndRaisesAnAlert() {
        Db db = new Db(dataSource);
        try (KafkaTestClient kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers())) {
            ScheduledChannel channel = new ScheduledChannel().publish(kafka, db);
            String current = """
                    SELECT count(*) FROM broadcast_playlog_event e JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id
                    WHERE d.channel_id = ? AND d.superseded_at IS NULL AND e.asset_uuid = ? AND NOT e.is_overridden AND e.start_utc > ?""";
            java.sql.Timestamp afterLock = java.sql.Timestamp.from(java.time.Instant.parse(ContinuityTestResources.TEST_CLOCK_START)
                    .plus(Duration.ofHours(4)));
            UUID victim = (UUID) db.value("""
                    SELECT e.asset_uuid FROM broadcast_playlog_event e JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id
                    WHERE d.channel_id = ? AND d.superseded_at IS NULL AND e.kind = 'program' AND e.start_utc > ? ORDER BY e.start_utc LIMIT 1""",
                    channel.channelId, afterLock);
            assertThat(db.count(current, channel.channelId, victim, afterLock)).isPositive();

            kafka.send(victim.toString(), new AssetRetired(victim, null));

            await().atMost(Duration.ofSeconds(60)).until(() -> db.count(current, channel.channelId, victim, afterLock) == 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> kafka.readAll("continuity.schedule-alerts", 100_000, Duration.ofSeconds(1))
                    .stream().map(r -> read(r.value()))
                    .anyMatch(a -> "FALLBACK_APPLIED".equals(a.kind()) && channel.channelId.equals(a.channelId())
                            && victim.toString().equals(a.details().get("asset_uuid"))));
        }
    }

    private static AlertRaised read(byte[] value) {
        try {
            return EventJson.mapper().readValue(value, AlertRaised.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
