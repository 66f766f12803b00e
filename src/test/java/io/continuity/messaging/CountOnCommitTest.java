package io.continuity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.continuity.testing.ContinuityTestResources;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The ingest meters count a record once its batch commits: a batch rolled back and retried is not counted twice. */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class CountOnCommitTest {

    @Inject
    MeterRegistry metrics;

    @Test
    void aRolledBackBatchCountsNothingACommittedOneCountsOnce() {
        Counter counter = metrics.counter("continuity.test.count-on-commit");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            IngestPipeline.countOnCommit(counter);
            throw new IllegalStateException("the database refused the batch");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(counter.count()).as("after the rollback").isZero();
        QuarkusTransaction.requiringNew().run(() -> {
            IngestPipeline.countOnCommit(counter);
            assertThat(counter.count()).as("before the commit").isZero();
        });
        assertThat(counter.count()).as("after the commit").isEqualTo(1.0);
    }
}
