package io.continuity.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Readiness follows the database, liveness never does: during an outage Kubernetes stops routing to the pod but must
 * not restart it (a restart would not bring the database back, and would rebalance the consumer group for nothing).
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class HealthDuringDatabaseOutageTest {

    @Test
    void aDatabaseOutageTakesReadinessDownButNeverLiveness() throws Exception {
        TestDatabase database = ContinuityTestResources.infrastructure().database();
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/q/health/ready") == 200);
        assertThat(status("/q/health/live")).isEqualTo(200);

        List<Integer> liveness = new ArrayList<>();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        poller.scheduleAtFixedRate(() -> {
            synchronized (liveness) {
                liveness.add(status("/q/health/live"));
            }
        }, 0, 250, TimeUnit.MILLISECONDS);
        try {
            database.admin("ALTER DATABASE " + database.name() + " WITH ALLOW_CONNECTIONS false");
            database.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database.name() + "'");
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> status("/q/health/ready") == 503);
                given().get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'Database connections health check' }.status", org.hamcrest.Matchers.equalTo("DOWN"));
                // stay down a while: the consumers and workers keep failing against the database meanwhile
                await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
                assertThat(status("/q/health/ready")).isEqualTo(503);
            } finally {
                database.admin("ALTER DATABASE " + database.name() + " WITH ALLOW_CONNECTIONS true");
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> status("/q/health/ready") == 200);
        } finally {
            poller.shutdownNow();
            poller.awaitTermination(5, TimeUnit.SECONDS);
        }
        synchronized (liveness) {
            assertThat(liveness).hasSizeGreaterThan(20).containsOnly(200);
        }
    }

    private static int status(String path) {
        return given().get(path).statusCode();
    }
}
