package io.continuity.playlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.continuity.playlog.ScheduleDayWriter.DayVersion;
import io.continuity.resolver.core.EventKind;
import io.continuity.resolver.core.ResolvedDay;
import io.continuity.resolver.core.ResolvedEvent;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The playlog rows of a version are written with one COPY (decisions.md 21): every column comes back as it was given,
 * including the text COPY's format must escape (tab, newline, backslash, a title that reads {@code \N}) and the nulls
 * of a gap.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class ScheduleDayWriterTest {

    @Inject
    ScheduleDayWriter writer;

    @Inject
    DataSource dataSource;

    @Test
    void everyColumnOfEveryEventComesBackAsWritten() {
        Db db = new Db(dataSource);
        UUID channel = UUID.randomUUID();
        db.rows("""
                INSERT INTO channel (id, slug, title, timezone, grid_block_minutes, block_start_offsets_minutes, programming_day_start,
                                     filler_rule, version, created_at, updated_at)
                VALUES (?::uuid, ?, 'copy', 'UTC', 30, '{0,30}', '00:00', '{}', 1, now(), now()) RETURNING id""",
                channel.toString(), "copy-" + channel.toString().substring(0, 8));
        Instant start = Instant.parse("2026-12-07T00:00:00Z");
        UUID assignment = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID override = UUID.randomUUID();
        List<String> titles = List.of("Tab\there", "two\nlines\r\nand more", "back\\slash \\N", "\\N", "Ünïcødé — 日本語 'quoted' \"too\"");
        List<ResolvedEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            events.add(new ResolvedEvent(UUID.randomUUID(), UUID.randomUUID(), i == 0 ? EventKind.FILLER : EventKind.PROGRAM,
                    start.plusSeconds(600L * i), start.plusSeconds(600L * (i + 1)), 1_000L * i, assignment, plan, titles.get(i),
                    i == 1 ? List.of(UUID.randomUUID(), UUID.randomUUID()) : List.of()));
        }
        events.add(new ResolvedEvent(UUID.randomUUID(), null, EventKind.GAP, start.plusSeconds(600L * titles.size()),
                start.plusSeconds(86_400), 0, null, null, null, List.of()));
        ResolvedDay day = new ResolvedDay(channel, LocalDate.parse("2026-12-07"), start, start.plusSeconds(86_400), 7, events, List.of(), List.of());

        BroadcastScheduleDayEntity stored = QuarkusTransaction.requiringNew().call(() -> writer.write(
                DayVersion.resolved(day, 0, 2, Map.of(events.get(3).uuid(), override), List.of("test")), null, List.of(), start));

        List<Map<String, Object>> rows = db.rows("""
                SELECT uuid::text, asset_uuid::text AS asset, kind, start_utc, end_utc, broadcast_day::text AS day, offset_ms, assignment_id::text AS a,
                       plan_id::text AS p, title, array_to_string(fallback, ',') AS fallback, is_frozen, is_overridden, override_id::text AS o
                FROM broadcast_playlog_event WHERE schedule_day_id = ? ORDER BY start_utc""", stored.id);
        assertThat(rows).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            ResolvedEvent e = events.get(i);
            Map<String, Object> row = rows.get(i);
            assertThat(row.get("uuid")).isEqualTo(e.uuid().toString());
            assertThat(row.get("asset")).isEqualTo(e.assetUuid() == null ? null : e.assetUuid().toString());
            assertThat(row.get("kind")).isEqualTo(e.kind().name().toLowerCase(java.util.Locale.ROOT));
            assertThat(((java.sql.Timestamp) row.get("start_utc")).toInstant()).isEqualTo(e.start());
            assertThat(((java.sql.Timestamp) row.get("end_utc")).toInstant()).isEqualTo(e.end());
            assertThat(row.get("day")).isEqualTo("2026-12-07");
            assertThat(((Number) row.get("offset_ms")).longValue()).isEqualTo(e.offsetMs());
            assertThat(row.get("a")).isEqualTo(e.assignmentId() == null ? null : e.assignmentId().toString());
            assertThat(row.get("p")).isEqualTo(e.planId() == null ? null : e.planId().toString());
            assertThat(row.get("title")).as("title %d", i).isEqualTo(e.title());
            assertThat(row.get("fallback")).isEqualTo(String.join(",", e.fallback().stream().map(UUID::toString).toList()));
            assertThat(row.get("is_frozen")).isEqualTo(i < 2);
            assertThat(row.get("is_overridden")).isEqualTo(false);
            assertThat(row.get("o")).isEqualTo(i == 3 ? override.toString() : null);
        }
    }
}
