package io.continuity.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.continuity.events.LabelDefined;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.Fixtures;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** A database outage is a passing failure: records wait in place and are applied afterwards, never dead-lettered. */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class DatabaseOutageTest {

    @Inject
    DataSource dataSource;

    @Test
    void recordsArrivingWhileTheDatabaseIsUnreachableAreAppliedAfterItReturns() throws Exception {
        TestDatabase database = ContinuityTestResources.infrastructure().database();
        Db db = new Db(dataSource);
        UUID channel = UUID.randomUUID();
        UUID label = UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers())) {
            kafka.send(channel.toString(), Fixtures.channel(channel));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM channel WHERE id = ?", channel) == 1);
            long rejectedBefore = db.count("SELECT count(*) FROM rejected_event");

            cutOff(database);
            try {
                kafka.send(channel.toString(), new LabelDefined(label, channel, "sent during the outage", null, null));
                // give the consumer time to receive the record and fail against the database several times
                await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(() -> true);
            } finally {
                database.admin("ALTER DATABASE " + database.name() + " WITH ALLOW_CONNECTIONS true");
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> db.count("SELECT count(*) FROM schedule_plan_label WHERE id = ?", label) == 1);
            assertThat(db.count("SELECT count(*) FROM rejected_event")).isEqualTo(rejectedBefore);
        }
    }

    private static void cutOff(TestDatabase database) {
        database.admin("ALTER DATABASE " + database.name() + " WITH ALLOW_CONNECTIONS false");
        database.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database.name() + "'");
    }
}
