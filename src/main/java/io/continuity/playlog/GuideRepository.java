package io.continuity.playlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.continuity.api.TimeRange;
import io.continuity.playlog.GuideViews.GuideChannel;
import io.continuity.playlog.GuideViews.GuideProgramme;
import io.continuity.playlog.GuideViews.Reconciliation;
import io.continuity.resolver.core.EventKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the program guide in three queries whatever the number of channels: the active channels, the effective
 * programme and slate events of their current ScheduleDay versions overlapping the window (with plan, override and catalog
 * metadata joined in), and the reconciliation outcomes of those events. Plain JDBC with only the columns the page shows,
 * because the page asks for every channel and a day of programmes every 30 seconds.
 */
@ApplicationScoped
public class GuideRepository {

    private static final String CHANNELS = """
            SELECT id, slug, title, timezone, programming_day_start, playlog_version FROM channel WHERE NOT is_retired ORDER BY title, id""";
    /** Driven by the current day versions overlapping the window, like the EPG: bounded by the days asked for. */
    private static final String PROGRAMMES = """
            SELECT e.channel_id, e.uuid, e.kind, e.title, a.series_title, a.episode_title, a.season, a.episode, a.genre, e.asset_uuid,
                   e.start_utc, e.end_utc, e.offset_ms, e.broadcast_day, e.assignment_id, e.plan_id, p.name, e.schedule_day_id,
                   e.schedule_day_version, e.is_frozen, e.override_id, o.action, o.reason
            FROM current_playlog_event e
            LEFT JOIN schedule_plan p ON p.id = e.plan_id
            LEFT JOIN playlog_override o ON o.id = e.override_id
            LEFT JOIN catalog_asset a ON a.uuid = e.asset_uuid
            WHERE e.channel_id = ANY (?) AND e.day_start_utc < ? AND e.day_end_utc > ?
              AND e.kind = ANY (?) AND e.start_utc < ? AND e.end_utc > ?
            ORDER BY e.channel_id, e.start_utc""";
    private static final String OUTCOMES = """
            SELECT playlog_event_uuid, outcome, delta_ms, detail FROM reconciliation_result
            WHERE playlog_event_uuid = ANY (?) ORDER BY playlog_event_uuid, outcome""";
    /** Programmes, and slate: an operator needs to see dead air as much as what airs. Filler and bumpers are padding. */
    private static final String[] SHOWN_KINDS = Arrays.stream(EventKind.values())
            .filter(k -> k.isProgramme() || k == EventKind.GAP).map(k -> k.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    private final DataSource dataSource;

    public GuideRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every channel that is not retired, by title, with its programmes overlapping {@code range}. */
    public List<GuideChannel> guide(TimeRange range) {
        try (Connection c = dataSource.getConnection()) {
            List<GuideChannel> channels = channels(c);
            Map<UUID, List<Row>> rows = programmes(c, channels.stream().map(GuideChannel::channelId).toArray(), range);
            Map<UUID, List<Reconciliation>> outcomes = outcomes(c,
                    rows.values().stream().flatMap(List::stream).map(Row::uuid).distinct().toArray());
            return channels.stream().map(ch -> new GuideChannel(ch.channelId(), ch.slug(), ch.title(), ch.timezone(),
                    ch.programmingDayStart(), ch.playlogVersion(), rows.getOrDefault(ch.channelId(), List.of()).stream()
                            .map(r -> r.programme(outcomes.getOrDefault(r.uuid(), List.of()))).toList())).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the program guide", e);
        }
    }

    private static List<GuideChannel> channels(Connection c) throws SQLException {
        List<GuideChannel> channels = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(CHANNELS); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                channels.add(new GuideChannel(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), List.of()));
            }
        }
        return channels;
    }

    private static Map<UUID, List<Row>> programmes(Connection c, Object[] channelIds, TimeRange range) throws SQLException {
        Map<UUID, List<Row>> byChannel = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(PROGRAMMES)) {
            s.setArray(1, c.createArrayOf("uuid", channelIds));
            s.setObject(2, utc(range.to()));
            s.setObject(3, utc(range.from()));
            s.setArray(4, c.createArrayOf("text", SHOWN_KINDS));
            s.setObject(5, utc(range.to()));
            s.setObject(6, utc(range.from()));
            s.setFetchSize(2_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byChannel.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(Row.of(rs));
                }
            }
        }
        return byChannel;
    }

    private static Map<UUID, List<Reconciliation>> outcomes(Connection c, Object[] eventUuids) throws SQLException {
        Map<UUID, List<Reconciliation>> byEvent = new HashMap<>();
        if (eventUuids.length == 0) {
            return byEvent;
        }
        try (PreparedStatement s = c.prepareStatement(OUTCOMES)) {
            s.setArray(1, c.createArrayOf("uuid", eventUuids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byEvent.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Reconciliation(rs.getString(2), rs.getObject(3, Long.class), rs.getString(4)));
                }
            }
        }
        return byEvent;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** One programme row before its reconciliation outcomes are known. */
    private record Row(UUID uuid, String kind, String title, String seriesTitle, String episodeTitle, Integer season, Integer episode,
            String genre, UUID assetUuid, Instant startUtc, Instant endUtc, long offsetMs, String broadcastDay, UUID assignmentId,
            UUID planId, String planName, UUID scheduleDayId, int scheduleDayVersion, boolean frozen, UUID overrideId,
            String overrideAction, String overrideReason) {

        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getObject(7, Integer.class), rs.getObject(8, Integer.class), rs.getString(9), rs.getObject(10, UUID.class),
                    rs.getObject(11, OffsetDateTime.class).toInstant(), rs.getObject(12, OffsetDateTime.class).toInstant(), rs.getLong(13),
                    rs.getString(14), rs.getObject(15, UUID.class), rs.getObject(16, UUID.class), rs.getString(17),
                    rs.getObject(18, UUID.class), rs.getInt(19), rs.getBoolean(20), rs.getObject(21, UUID.class), rs.getString(22),
                    rs.getString(23));
        }

        GuideProgramme programme(List<Reconciliation> outcomes) {
            return new GuideProgramme(uuid, kind, title, seriesTitle, episodeTitle, season, episode, genre, assetUuid, startUtc, endUtc,
                    offsetMs, broadcastDay, assignmentId, planId, planName, scheduleDayId, scheduleDayVersion, frozen, overrideId,
                    overrideAction, overrideReason, List.copyOf(outcomes));
        }
    }
}
