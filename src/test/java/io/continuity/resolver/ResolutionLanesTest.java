package io.continuity.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.continuity.resolver.ResolutionRequests.Lane;
import io.continuity.resolver.ResolutionRequests.Pending;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The two lanes of the resolution queue (docs/decisions.md 17): an urgent request is handed out before bulk requests
 * queued earlier, bulk requests keep their age order, and a channel whose bulk request is joined by an urgent one
 * becomes urgent with the days of both. The requests sit on a partition no instance owns, so nothing resolves them.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class ResolutionLanesTest {

    private static final int NOBODYS_PARTITION = 9_999;

    @Inject
    ResolutionRequests requests;

    @Inject
    DataSource dataSource;

    @Test
    void urgentRequestsOvertakeOlderBulkOnesAndAJoinedRequestIsUrgent() {
        List<UUID> bulk = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bulk.add(channel());
        }
        UUID urgent = channel();
        Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
        LocalDate day = LocalDate.parse("2026-12-08");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < bulk.size(); i++) {
                requests.request(bulk.get(i), NOBODYS_PARTITION, "catalog change", t0.plusSeconds(i), Set.of(day), List.of("catalog:" + i), null,
                        Lane.BULK);
            }
            requests.request(urgent, NOBODYS_PARTITION, "continuity.plan.updated.v1", t0.plusSeconds(60), Set.of(day.plusDays(1)),
                    List.of("plan:u"), null, Lane.URGENT);
            // the third bulk channel's planner changes it too: it joins the urgent lane with the days of both
            requests.request(bulk.get(2), NOBODYS_PARTITION, "continuity.assignment.added.v1", t0.plusSeconds(61), Set.of(day.plusDays(2)),
                    List.of("plan:j"), null, Lane.URGENT);
            // a later bulk request does not take a channel out of the urgent lane
            requests.request(urgent, NOBODYS_PARTITION, "horizon roll", t0.plusSeconds(62), null, List.of(), null, Lane.BULK);
        });

        List<Pending> order = QuarkusTransaction.requiringNew().call(() -> requests.pending(Set.of(NOBODYS_PARTITION), 10));

        assertThat(order).extracting(Pending::channelId)
                .containsExactly(bulk.get(2), urgent, bulk.get(0), bulk.get(1), bulk.get(3), bulk.get(4));
        assertThat(order).extracting(Pending::lane).containsExactly(Lane.URGENT, Lane.URGENT, Lane.BULK, Lane.BULK, Lane.BULK, Lane.BULK);
        assertThat(order.get(0).days()).containsExactlyInAnyOrder(day, day.plusDays(2));
        assertThat(order.get(0).causes()).containsExactly("catalog:2", "plan:j");
        assertThat(order.get(1).days()).as("a request for every day joined it").isNull();
    }

    private UUID channel() {
        UUID id = UUID.randomUUID();
        new Db(dataSource).rows("""
                INSERT INTO channel (id, slug, title, timezone, grid_block_minutes, block_start_offsets_minutes, programming_day_start,
                                     filler_rule, version, created_at, updated_at)
                VALUES (?::uuid, ?, 'lanes', 'UTC', 30, '{0,30}', '06:00', '{}', 1, now(), now()) RETURNING id""",
                id.toString(), "lanes-" + id.toString().substring(0, 8));
        return id;
    }
}
