package io.continuity.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.TextNode;

import io.continuity.events.AssetRetired;
import io.continuity.events.AssetUpserted;
import io.continuity.events.AssignmentRemoved;
import io.continuity.events.AssignmentUpdated;
import io.continuity.events.ChannelRetired;
import io.continuity.events.LabelDefined;
import io.continuity.events.PlanRetired;
import io.continuity.events.PlanUpdated;
import io.continuity.events.VirtualAssetDefined;
import io.continuity.resolver.core.AssetKind;
import io.continuity.resolver.core.ContentType;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.Fixtures;
import io.continuity.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class PlanAndCatalogIngestionTest {

    private static KafkaTestClient kafka;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    private Db db() {
        return new Db(dataSource);
    }

    private void awaitTrue(String sql, Object... args) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(db().value(sql, args)));
    }

    @Test
    void everyPlanEventTypeIsAppliedToThePlanTables() {
        UUID channel = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID label = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String key = channel.toString();

        kafka.send(key, Fixtures.channel(channel));
        kafka.send(key, Fixtures.plan(plan, channel, 10));
        kafka.send(key, new LabelDefined(label, channel, "Prime time", "#aa3300", null));
        kafka.send(key, Fixtures.assignment(assignment, plan, channel, "13:00", 60));
        kafka.send(key, Fixtures.assignment(second, plan, channel, "15:00", 30));
        kafka.send(key, new AssignmentUpdated(assignment, plan, channel, "14:00", 60, ContentType.RULE,
                new TextNode("{\"genre\": \"drama\", \"min_duration\": 90, \"max_duration\": 150}"), label, null,
                Map.of("avoid_repeats", true), "Prime time drama movies", 1L));
        kafka.send(key, new AssignmentRemoved(second, plan, channel, null));
        kafka.send(key, new PlanUpdated(plan, channel, "Weekdays v2", 15, "0 0 * * 1-5", LocalDate.parse("2026-12-01"), null, true, 1L));
        kafka.send(key, new PlanRetired(plan, channel, 2L));
        kafka.send(key, new ChannelRetired(channel, 1L));

        awaitTrue("SELECT is_retired FROM channel WHERE id = ?", channel);
        Map<String, Object> planRow = db().rows("SELECT * FROM schedule_plan WHERE id = ?", plan).get(0);
        assertThat(planRow).containsEntry("name", "Weekdays v2").containsEntry("priority", 15).containsEntry("is_active", false)
                .containsEntry("version", 3L);
        Map<String, Object> assignmentRow = db().rows("SELECT * FROM schedule_plan_block_assignments WHERE id = ?", assignment).get(0);
        assertThat(assignmentRow).containsEntry("start_time", "14:00").containsEntry("start_minute", 840).containsEntry("duration", 60)
                .containsEntry("content_type", "rule").containsEntry("label_id", label).containsEntry("version", 2L);
        assertThat((String) assignmentRow.get("content_reference")).contains("\"genre\":\"drama\"");
        assertThat(db().count("SELECT count(*) FROM schedule_plan_block_assignments WHERE id = ?", second)).isZero();
        assertThat(db().value("SELECT name FROM schedule_plan_label WHERE id = ?", label)).isEqualTo("Prime time");
        // the channel's resolutions journal their decisions (continuity.schedule-decisions) under the same key
        assertThat(db().count("SELECT count(*) FROM event_journal WHERE record_key = ? AND topic = 'continuity.plan-events'", key)).isEqualTo(10);
        assertThat(db().count("SELECT count(*) FROM rejected_event WHERE record_key = ?", key)).isZero();
    }

    @Test
    void everyCatalogEventTypeIsAppliedToTheCatalogTables() {
        UUID episode = UUID.randomUUID();
        UUID filler = UUID.randomUUID();
        UUID virtual = UUID.randomUUID();
        kafka.send(episode.toString(), Fixtures.episode(episode, "cheers", 1, 1));
        kafka.send(filler.toString(), Fixtures.filler(filler, 30_000));
        kafka.send(virtual.toString(), new VirtualAssetDefined(virtual, "Classic movies", List.of(episode, filler), null, null));
        kafka.send(filler.toString(), new AssetRetired(filler, 1L));

        awaitTrue("SELECT is_retired FROM catalog_asset WHERE uuid = ?", filler);
        assertThat(db().rows("SELECT * FROM catalog_asset WHERE uuid = ?", episode).get(0))
                .containsEntry("series_id", "cheers").containsEntry("season", 1).containsEntry("episode", 1)
                .containsEntry("duration_ms", 1_320_000L).containsEntry("state", "ready").containsEntry("approved_for_broadcast", true);
        awaitTrue("SELECT count(*) = 1 FROM virtual_asset WHERE uuid = ?", virtual);
        assertThat(db().rows("SELECT asset_uuids FROM virtual_asset WHERE uuid = ?", virtual).get(0).get("asset_uuids"))
                .isEqualTo(List.of(episode, filler));
    }

    /**
     * A catalog batch is written in one statement. An asset the database refuses (a NUL character in its title, which a
     * PostgreSQL text cannot hold) makes the batch be applied record by record: that asset alone is rejected, as refused
     * by the database, and every other asset sent with it is stored.
     */
    @Test
    void anAssetTheDatabaseRefusesIsRejectedAloneAndTheAssetsAroundItAreStored() {
        UUID before = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        AssetUpserted nul = new AssetUpserted(refused, "Title with \u0000 inside", AssetKind.FILLER, 10_000L, null, null, null, null, null,
                null, null, null, null, List.of(), null, "ready", true, false, null);
        kafka.send(before.toString(), Fixtures.filler(before, 10_000));
        kafka.send(refused.toString(), nul);
        kafka.send(after.toString(), Fixtures.filler(after, 10_000));

        awaitTrue("SELECT count(*) = 1 FROM rejected_event WHERE record_key = ?", refused.toString());
        awaitTrue("SELECT count(*) = 2 FROM catalog_asset WHERE uuid IN (?, ?)", before, after);
        assertThat(db().value("SELECT reason_detail FROM rejected_event WHERE record_key = ?", refused.toString()).toString())
                .startsWith("refused by the database");
        assertThat(db().count("SELECT count(*) FROM catalog_asset WHERE uuid = ?", refused)).isZero();
    }

    @Test
    void aDuplicatedRecordChangesNothing() {
        UUID channel = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        String key = channel.toString();
        kafka.send(key, Fixtures.channel(channel));
        String updateId = UUID.randomUUID().toString();
        PlanUpdated update = new PlanUpdated(plan, channel, "Again", 3, "0 0 * * *", null, null, true, null);
        kafka.send(key, Fixtures.plan(plan, channel, 1));
        kafka.send(key, update, updateId);
        kafka.send(key, update, updateId);
        kafka.send(key, update, updateId);
        UUID marker = UUID.randomUUID();
        kafka.send(key, new LabelDefined(marker, channel, "marker", null, null));

        awaitTrue("SELECT count(*) = 1 FROM schedule_plan_label WHERE id = ?", marker);
        assertThat(db().value("SELECT version FROM schedule_plan WHERE id = ?", plan)).isEqualTo(2L);
        assertThat(db().count("SELECT count(*) FROM event_journal WHERE event_id = ?", updateId)).isEqualTo(1);
    }

    @Test
    void perChannelOrderIsPreserved() {
        UUID channel = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        String key = channel.toString();
        kafka.send(key, Fixtures.channel(channel));
        kafka.send(key, Fixtures.plan(plan, channel, 0));
        for (int i = 1; i <= 60; i++) {
            // each update names the version it expects: any reordering would be refused as a version conflict
            kafka.send(key, new PlanUpdated(plan, channel, "step " + i, i, "0 0 * * *", null, null, true, (long) i));
        }
        awaitTrue("SELECT version = 61 FROM schedule_plan WHERE id = ?", plan);
        assertThat(db().rows("SELECT name, priority FROM schedule_plan WHERE id = ?", plan).get(0))
                .containsEntry("name", "step 60").containsEntry("priority", 60);
        assertThat(db().count("SELECT count(*) FROM rejected_event WHERE record_key = ?", key)).isZero();
    }
}
