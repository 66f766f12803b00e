package io.continuity.reliability.input;

import static io.continuity.reliability.input.InputScenarios.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.continuity.events.AssetUpserted;
import io.continuity.events.ContinuityEvent;
import io.continuity.events.PlanUpdated;
import io.continuity.events.Topic;
import io.continuity.reliability.ScenarioRow;
import io.continuity.resolver.core.AssetKind;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.Fixtures;
import io.continuity.testing.KafkaTestClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Out-of-order versions of one aggregate, for plans (plan-events) and assets (catalog-events). DESIGN.md §1 makes every
 * effect idempotent by event id, and §3 gives every payload an optional {@code expected_version} for optimistic
 * concurrency; there is no reordering buffer. So, for an aggregate at version 1:
 * <ol>
 * <li>the update written against version 2 arrives first: refused as {@code version_conflict} (field
 * {@code expected_version}) into rejected_event and the DLQ, nothing changes;</li>
 * <li>the update written against version 1 applies: version 2;</li>
 * <li>a different, stale update written against version 1 arrives after it: refused as {@code version_conflict};</li>
 * <li>the version-2 update is redelivered (same event id): a duplicate, ignored;</li>
 * <li>the producer re-sends the refused update (same event id, as its DLQ record tells it): it applies, version 3;</li>
 * <li>the version-2 update arrives once more, after the newer one: a duplicate, ignored.</li>
 * </ol>
 * Oracle: the aggregate ends at the highest version's state (version 3, its name or title), the stale writes are on
 * the DLQ with their reason, nothing is applied twice.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class OutOfOrderVersionsScenarioTest {

    private static final Logger LOG = Logger.getLogger(OutOfOrderVersionsScenarioTest.class);
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

    /** One aggregate's records: the update against version 2 ({@code third}), against version 1 ({@code second}), a stale one. */
    private record Versions(String kind, UUID id, String key, ContinuityEvent third, ContinuityEvent second, ContinuityEvent stale,
            Map<String, String> ids) {

        String sql() {
            return "plan".equals(kind) ? "SELECT name AS state, version FROM schedule_plan WHERE id = ?"
                    : "SELECT title AS state, version FROM catalog_asset WHERE uuid = ?";
        }
    }

    @Test
    void theAggregateEndsAtTheHighestVersionAndStaleWritesAreDeadLettered() {
        int aggregates = ScenarioRow.full() ? 100 : 6;
        Db db = new Db(dataSource);
        UUID channel = UUID.randomUUID();
        kafka.send(channel.toString(), Fixtures.channel(channel, "UTC", 30, List.of(0, 30), "06:00"));
        List<Versions> all = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            all.add(i % 2 == 0 ? plan(channel, i) : asset(i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> all.stream().allMatch(v -> version(db, v) == 1));
        double duplicatesBefore = duplicates();

        for (Versions v : all) {
            send(v, v.third(), "third");
            send(v, v.second(), "second");
            send(v, v.stale(), "stale");
            send(v, v.second(), "second");
        }
        List<String> refused = all.stream().flatMap(v -> java.util.stream.Stream.of(v.ids().get("third"), v.ids().get("stale"))).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> InputScenarios.rejected(db, refused) == refused.size()
                && all.stream().allMatch(v -> version(db, v) == 2));
        for (Versions v : all) {
            assertThat(db.rows(v.sql(), v.id()).get(0)).as(v.kind()).containsEntry("state", "second").containsEntry("version", 2L);
        }
        long recoverStarted = System.nanoTime();
        for (Versions v : all) {
            send(v, v.third(), "third");
            send(v, v.second(), "second");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> all.stream().allMatch(v -> version(db, v) == 3)
                && duplicates() - duplicatesBefore >= 2L * all.size());
        long recoverMillis = (System.nanoTime() - recoverStarted) / 1_000_000;

        for (Versions v : all) {
            assertThat(db.rows(v.sql(), v.id()).get(0)).as(v.kind()).containsEntry("state", "third").containsEntry("version", 3L);
            Map<String, Object> stale = db.rows("SELECT reason_code, reason_field, reason_detail FROM rejected_event WHERE event_id = ?",
                    v.ids().get("stale")).get(0);
            assertThat(stale).containsEntry("reason_code", "version_conflict").containsEntry("reason_field", "expected_version");
            assertThat((String) stale.get("reason_detail")).contains("at version 2, not 1");
            Map<String, Object> early = db.rows("SELECT reason_code, reason_detail FROM rejected_event WHERE event_id = ?",
                    v.ids().get("third")).get(0);
            assertThat(early).containsEntry("reason_code", "version_conflict");
            assertThat((String) early.get("reason_detail")).contains("at version 1, not 2");
        }
        List<String> appliedIds = all.stream().flatMap(v -> java.util.stream.Stream.of(v.ids().get("third"), v.ids().get("second"))).toList();
        long applied = InputScenarios.applied(db, appliedIds);
        assertThat(applied).isEqualTo(appliedIds.size());
        long duplicatesCounted = Math.round(duplicates() - duplicatesBefore);
        assertThat(duplicatesCounted).as("redeliveries of the version-2 update").isEqualTo(2L * all.size());
        assertDeadLettered(all);

        long sent = 6L * all.size();
        long appliedTwice = all.stream().filter(v -> version(db, v) > 3).count();
        long lost = all.stream().filter(v -> version(db, v) < 3).count();
        assertThat(appliedTwice).isZero();
        assertThat(lost).isZero();
        LOG.infof("Out-of-order versions: %d aggregates, %d records, %d applied, %d refused as stale, %d duplicates; re-sent updates "
                + "applied in %d ms", all.size(), sent, applied, refused.size(), duplicatesCounted, recoverMillis);
        new ScenarioRow("input: out-of-order versions", ScenarioRow.currentScale(), sent, applied, refused.size(), lost, appliedTwice,
                recoverMillis, "ends at the highest version (v3) once the refused update is re-sent; early and stale writes -> "
                        + "version_conflict on .dlq; older redelivery after newer ignored as duplicate").write();
    }

    private void assertDeadLettered(List<Versions> all) {
        Map<String, ConsumerRecord<String, byte[]>> dlq = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            dlq.putAll(InputScenarios.deadLettered(kafka, Topic.PLAN_EVENTS.deadLetterTopic(), "ce_id"));
            dlq.putAll(InputScenarios.deadLettered(kafka, Topic.CATALOG_EVENTS.deadLetterTopic(), "ce_id"));
            return all.stream().allMatch(v -> dlq.containsKey(v.ids().get("stale")) && dlq.containsKey(v.ids().get("third")));
        });
        for (Versions v : all) {
            for (String which : List.of("stale", "third")) {
                ConsumerRecord<String, byte[]> r = dlq.get(v.ids().get(which));
                assertThat(header(r, "dlq-reason")).as("%s %s", v.kind(), which).isEqualTo("version_conflict");
                assertThat(header(r, "dlq-reason-field")).as("%s %s", v.kind(), which).isEqualTo("expected_version");
                assertThat(r.key()).isEqualTo(v.key());
            }
        }
    }

    private Versions plan(UUID channel, int i) {
        UUID plan = UUID.randomUUID();
        kafka.send(channel.toString(), Fixtures.plan(plan, channel, 10 + i));
        return new Versions("plan", plan, channel.toString(),
                new PlanUpdated(plan, channel, "third", 10, "0 0 * * 1-5", null, null, true, 2L),
                new PlanUpdated(plan, channel, "second", 10, "0 0 * * 1-5", null, null, true, 1L),
                new PlanUpdated(plan, channel, "stale", 10, "0 0 * * 1-5", null, null, true, 1L), new HashMap<>());
    }

    private Versions asset(int i) {
        UUID asset = UUID.randomUUID();
        kafka.send(asset.toString(), upsert(asset, "first", null));
        return new Versions("asset", asset, asset.toString(), upsert(asset, "third", 2L), upsert(asset, "second", 1L),
                upsert(asset, "stale", 1L), new HashMap<>());
    }

    private static AssetUpserted upsert(UUID id, String title, Long expectedVersion) {
        return new AssetUpserted(id, title, AssetKind.FILLER, 30_000L, null, null, null, null, null, null, null, null, null, List.of(), null,
                "ready", true, false, expectedVersion);
    }

    /** Sends one of the aggregate's updates, under the same event id every time it is sent. */
    private static void send(Versions v, ContinuityEvent event, String which) {
        String id = v.ids().computeIfAbsent(which, w -> UUID.randomUUID().toString());
        kafka.send(v.key(), event, id);
    }

    private static long version(Db db, Versions v) {
        List<Map<String, Object>> rows = db.rows(v.sql(), v.id());
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("version")).longValue();
    }

    private double duplicates() {
        return metrics.find("continuity.events.duplicates").counters().stream().mapToDouble(Counter::count).sum();
    }
}
