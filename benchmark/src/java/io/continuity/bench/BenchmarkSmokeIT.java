package io.continuity.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The benchmark harness keeps working: a run at scale {@code smoke} (a few channels, a few seconds per benchmark)
 * against the real broker, PostgreSQL and the packaged service prints a row with a measured figure and a measured
 * ceiling for every benchmark. The numbers themselves are not judged here — that is what docs/benchmarks.md is for.
 */
class BenchmarkSmokeIT {

    @Test
    void aSmokeRunReportsAFigureAndACeilingForEveryBenchmark() throws Exception {
        Table table = new BenchmarkRunner(BenchOptions.of("smoke", Path.of("target", "bench-smoke"))).run();

        for (String benchmark : List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7")) {
            assertThat(table.rows()).as("rows of %s", benchmark).filteredOn(row -> row.id().equals(benchmark))
                    .anySatisfy(row -> {
                        assertThat(row.figure()).as("figure of %s", row.metric()).isNotNull().isPositive().isFinite();
                        assertThat(row.ceiling()).as("ceiling of %s", row.metric()).isNotNull().isPositive().isFinite();
                    });
        }
        assertThat(table.rows()).allSatisfy(row -> {
            if (row.figure() == null) {
                assertThat(row.figureText()).as("why %s has no figure", row.metric()).startsWith("n/a");
            } else {
                assertThat(row.figure()).as(row.metric()).isFinite().isGreaterThanOrEqualTo(0);
            }
            assertThat(row.ceiling()).as("ceiling of %s", row.metric()).isNotNull().isFinite().isGreaterThanOrEqualTo(0);
        });
        assertThat(table.rows()).filteredOn(row -> row.metric().startsWith("queries: XMLTV")).hasSize(1);
        assertThat(table.render()).contains("| B1 ", "| B7 ", "figure ÷ ceiling");
    }
}
