package io.continuity.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.continuity.messaging.IngestActivity;

/** Bulk resolutions give way to a burst of input, for at most the configured time in a row, and resume once it is over. */
class BulkYieldTest {

    private static final long S = 1_000_000_000L;
    private static final long T0 = 5_000 * S;

    @Test
    void bulkWorkWaitsWhileLargeBatchesArriveAndResumesASecondAfterTheLast() {
        IngestActivity ingest = new IngestActivity();
        BulkYield yield = new BulkYield(Duration.ofSeconds(10));
        assertThat(yield.mayStart(T0, ingest.lastBurstBatch())).as("no input yet").isTrue();

        ingest.batchApplied(IngestActivity.BURST_BATCH - 1, T0);
        assertThat(yield.mayStart(T0 + S / 10, ingest.lastBurstBatch())).as("a small batch is no burst").isTrue();

        ingest.batchApplied(500, T0 + S);
        assertThat(yield.mayStart(T0 + S + S / 2, ingest.lastBurstBatch())).as("half a second after a full batch").isFalse();
        ingest.batchApplied(500, T0 + 2 * S);
        assertThat(yield.mayStart(T0 + 2 * S + S / 2, ingest.lastBurstBatch())).as("the burst goes on").isFalse();
        assertThat(yield.mayStart(T0 + 3 * S + 1, ingest.lastBurstBatch())).as("a second without a large batch").isTrue();
    }

    @Test
    void aBurstThatGoesOnLongerThanTheLimitNoLongerHoldsBulkWork() {
        IngestActivity ingest = new IngestActivity();
        BulkYield yield = new BulkYield(Duration.ofSeconds(10));
        for (long t = T0; t < T0 + 15 * S; t += S / 2) {
            ingest.batchApplied(500, t);
            boolean held = t - T0 < 10 * S;
            assertThat(yield.mayStart(t + 1, ingest.lastBurstBatch())).as("%.1f s into the burst", (t - T0) / 1e9).isEqualTo(!held);
        }
        assertThat(yield.mayStart(T0 + 30 * S, ingest.lastBurstBatch())).isTrue();
        ingest.batchApplied(500, T0 + 40 * S);
        assertThat(yield.mayStart(T0 + 40 * S + 1, ingest.lastBurstBatch())).as("a new burst holds it again").isFalse();
    }

    @Test
    void aZeroLimitNeverHoldsBulkWork() {
        IngestActivity ingest = new IngestActivity();
        BulkYield yield = new BulkYield(Duration.ZERO);
        ingest.batchApplied(500, T0);
        assertThat(yield.mayStart(T0 + 1, ingest.lastBurstBatch())).isTrue();
    }
}
