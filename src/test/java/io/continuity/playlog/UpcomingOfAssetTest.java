package io.continuity.playlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Where an asset airs next: the current, not overridden events of every channel that end after the instant asked, in start
 * order (then channel), whatever the asset aired before or in superseded versions; exactly what the plain query over
 * {@code current_playlog_event} answers. The rows are written straight into the tables, for two retired channels on a day far
 * beyond any horizon, so no resolution touches them.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class UpcomingOfAssetTest {

    private static final LocalDate DAY = LocalDate.parse("2031-03-10");
    private static final Instant DAY_START = Instant.parse("2031-03-10T06:00:00Z");
    private static final String PLAIN_QUERY = """
            SELECT uuid FROM current_playlog_event WHERE asset_uuid = ? AND end_utc > ? ORDER BY start_utc, channel_id LIMIT ?""";

    @Inject
    DataSource dataSource;

    @Inject
    CurrentSchedule schedule;

    @Test
    void currentEventsStillAheadComeInStartOrderAcrossChannels() throws SQLException {
        UUID asset = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID first = UUID.fromString("00000000-0000-0000-0000-" + asset.toString().substring(24));
        UUID second = UUID.fromString("ffffffff-0000-0000-0000-" + asset.toString().substring(24));
        Instant now = DAY_START.plus(Duration.ofHours(4)).plusSeconds(600);
        try (Connection c = dataSource.getConnection()) {
            channel(c, first);
            channel(c, second);
            UUID superseded = day(c, first, 1, true);
            UUID current = day(c, first, 2, false);
            UUID onlyVersion = day(c, second, 1, false);
            event(c, superseded, first, asset, hours(5), false);
            event(c, current, first, asset, hours(1), false);
            UUID airing = event(c, current, first, asset, hours(4), false);
            UUID sameStartFirst = event(c, current, first, asset, hours(6), false);
            event(c, current, first, asset, hours(7), true);
            event(c, current, first, other, hours(8), false);
            UUID sameStartSecond = event(c, onlyVersion, second, asset, hours(6), false);
            UUID later = event(c, onlyVersion, second, asset, hours(9), false);

            assertThat(upcoming(asset, now, 10)).containsExactly(airing, sameStartFirst, sameStartSecond, later);
            assertThat(upcoming(asset, now, 2)).containsExactly(airing, sameStartFirst);
            assertThat(upcoming(asset, DAY_START.plus(Duration.ofDays(1)), 10)).isEmpty();
            for (Instant from : List.of(DAY_START, now, hours(6), hours(9))) {
                for (int limit : List.of(1, 3, 50)) {
                    assertThat(upcoming(asset, from, limit)).as("from %s, limit %d", from, limit).isEqualTo(plain(asset, from, limit));
                }
            }
        }
    }

    private List<UUID> upcoming(UUID asset, Instant from, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> schedule.upcomingOfAsset(asset, from, limit).stream().map(e -> e.uuid).toList());
    }

    private List<UUID> plain(UUID asset, Instant from, int limit) {
        List<UUID> uuids = new ArrayList<>();
        new Db(dataSource).rows(PLAIN_QUERY, asset, Timestamp.from(from), limit).forEach(row -> uuids.add((UUID) row.get("uuid")));
        return uuids;
    }

    private static Instant hours(int hours) {
        return DAY_START.plus(Duration.ofHours(hours));
    }

    private static void channel(Connection c, UUID id) throws SQLException {
        update(c, """
                INSERT INTO channel (id, slug, title, timezone, grid_block_minutes, block_start_offsets_minutes, programming_day_start,
                                     filler_rule, is_retired, version, created_at, updated_at)
                VALUES (?, ?, 'Upcoming test', 'UTC', 30, '{0,30}', '06:00', '{}', true, 1, now(), now())""", id, "upcoming-" + id);
    }

    private static UUID day(Connection c, UUID channel, int version, boolean superseded) throws SQLException {
        UUID id = UUID.randomUUID();
        update(c, """
                INSERT INTO broadcast_schedule_day (id, channel_id, broadcast_day, version, seed, seed_generation, day_start_utc, day_end_utc,
                                                    created_at, superseded_at)
                VALUES (?, ?, ?, ?, 1, 0, ?, ?, now(), CASE WHEN ? THEN now() END)""",
                id, channel, DAY, version, Timestamp.from(DAY_START), Timestamp.from(DAY_START.plus(Duration.ofDays(1))), superseded);
        return id;
    }

    /** A 50-minute event of {@code asset} starting at {@code start}. */
    private static UUID event(Connection c, UUID day, UUID channel, UUID asset, Instant start, boolean overridden) throws SQLException {
        UUID uuid = UUID.randomUUID();
        update(c, """
                INSERT INTO broadcast_playlog_event (uuid, channel_id, schedule_day_id, asset_uuid, kind, start_utc, end_utc, broadcast_day,
                                                     is_overridden, created_at)
                VALUES (?, ?, ?, ?, 'program', ?, ?, ?, ?, now())""",
                uuid, channel, day, asset, Timestamp.from(start), Timestamp.from(start.plus(Duration.ofMinutes(50))), DAY.toString(), overridden);
        return uuid;
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
