package io.continuity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import io.continuity.config.ContinuityConfig;
import io.continuity.events.Topic;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Fixtures;
import io.continuity.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Resolution waits until every catalog partition is applied up to the end it had at assignment, as the offsets stored
 * with the projection show, whichever instance applies it: a catalog half-applied by another instance must not
 * produce schedules.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class WholeCatalogGateTest {

    private static final int CATALOG_PARTITIONS = 3;

    @Inject
    PartitionTracker tracker;

    @Inject
    OffsetStore offsets;

    @Inject
    ContinuityConfig config;

    @Test
    void resolutionWaitsForEveryCatalogPartitionToBeAppliedToItsEnd() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(tracker::caughtUp);
        UUID asset = assetOnPartition(0);
        Map<Integer, Long> stored = storedCatalogOffsets();
        Map<Integer, Long> oneRecordAhead = new HashMap<>(stored);
        oneRecordAhead.put(0, stored.getOrDefault(0, 0L) + 1);
        try {
            // as if partition 0 ended one record further when this instance was assigned, and that record is not applied yet
            tracker.catalogEnds(oneRecordAhead);
            assertThat(tracker.caughtUp()).as("gate closed while partition 0 is behind its end").isFalse();
            try (KafkaTestClient kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers())) {
                kafka.send(asset.toString(), Fixtures.filler(asset, 30_000L));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> storedCatalogOffsets().getOrDefault(0, 0L) > stored.getOrDefault(0, 0L));
            assertThat(tracker.caughtUp()).as("gate open once the stored offset reached the end").isTrue();
        } finally {
            Map<Integer, Long> now = storedCatalogOffsets();
            Map<Integer, Long> applied = new HashMap<>();
            for (int p = 0; p < CATALOG_PARTITIONS; p++) {
                applied.put(p, now.getOrDefault(p, 0L));
            }
            tracker.catalogEnds(applied);
        }
    }

    private Map<Integer, Long> storedCatalogOffsets() throws java.sql.SQLException {
        return offsets.loadDirect(config.consumerGroup(), Topic.CATALOG_EVENTS.topicName());
    }

    /** An asset id whose records land on {@code partition} (Kafka's default partitioner over the key). */
    private static UUID assetOnPartition(int partition) {
        while (true) {
            UUID id = UUID.randomUUID();
            if (Utils.toPositive(Utils.murmur2(id.toString().getBytes(StandardCharsets.UTF_8))) % CATALOG_PARTITIONS == partition) {
                return id;
            }
        }
    }
}
