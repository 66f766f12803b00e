package io.continuity.epg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import io.continuity.api.TimeRange;
import io.continuity.resolver.core.EventKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads what a guide is made of, in as few round trips as a guide of any size needs: the channels, then the programme
 * events of the current ScheduleDay versions of all requested channels in one query, then the catalog metadata of the
 * assets they play in one query. Plain JDBC with only the columns the guide uses, because an XMLTV export covers
 * every channel for days.
 */
@ApplicationScoped
public class EpgRepository {

    private static final String CHANNEL_COLUMNS = "SELECT id, slug, title, timezone FROM channel ";
    /**
     * Driven by the current day versions that overlap the window, then their events by {@code schedule_day_id}: the
     * work is bounded by the days asked for, whatever history and superseded versions the table holds, and the plan
     * does not depend on fresh statistics. Every event lies inside its day, so the exact window is applied per row.
     */
    private static final String EVENTS = """
            SELECT e.channel_id, e.uuid, e.asset_uuid, e.kind, e.start_utc, e.end_utc, e.offset_ms, e.title
            FROM current_playlog_event e
            WHERE e.channel_id = ANY (?) AND e.day_start_utc < ? AND e.day_end_utc > ? AND e.kind = ANY (?)
            ORDER BY e.channel_id, e.start_utc""";
    private static final String ASSETS = """
            SELECT uuid, title, series_title, episode_title, season, episode, description, genre, rating
            FROM catalog_asset WHERE uuid = ANY (?)""";

    /**
     * What a guide over some channels and a window is made of, as one digest: the channels' rows (title, slug, zone: their
     * versions), the ids of the current day versions overlapping the window (a ScheduleDay version never changes; an
     * override or a re-resolution makes a new one), and the catalog's assets (count, versions, last change: the guide's
     * descriptions, genres and episode numbers come from there).
     */
    private static final String FINGERPRINT = """
            SELECT md5(concat_ws('|', ?::text,
                (SELECT string_agg(id::text || ':' || version, ',' ORDER BY id) FROM channel WHERE id = ANY (?)),
                (SELECT string_agg(d.id::text, ',' ORDER BY d.id) FROM current_schedule_day d
                 WHERE d.channel_id = ANY (?) AND d.day_start_utc < ? AND d.day_end_utc > ?),
                (SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(updated_at)::text, '') FROM catalog_asset)))""";

    private final DataSource dataSource;

    public EpgRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<ChannelGuide.Channel> channel(UUID channelId) {
        return channels(CHANNEL_COLUMNS + "WHERE id = ?", channelId).stream().findFirst();
    }

    /** Every channel that is not retired, by slug. */
    public List<ChannelGuide.Channel> activeChannels() {
        return channels(CHANNEL_COLUMNS + "WHERE NOT is_retired ORDER BY slug", null);
    }

    /**
     * A digest that changes whenever the guide of {@code channelIds} over {@code range} can change, and only then (see
     * {@link #FINGERPRINT}): the entity tag of the EPG and XMLTV answers, read in one query instead of the guide itself.
     */
    public String fingerprint(Collection<UUID> channelIds, TimeRange range) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(FINGERPRINT)) {
            java.sql.Array ids = c.createArrayOf("uuid", channelIds.toArray());
            s.setString(1, channelIds.size() + "@" + range.from() + "/" + range.to());
            s.setArray(2, ids);
            s.setArray(3, ids);
            s.setObject(4, utc(range.to()));
            s.setObject(5, utc(range.from()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read what the guide is made of", e);
        }
    }

    /** Programme-kind events of current ScheduleDay versions overlapping {@code range}, per channel in time order. */
    public Map<UUID, List<EpgEvent>> programmeEvents(Collection<UUID> channelIds, TimeRange range) {
        Map<UUID, List<EpgEvent>> byChannel = new HashMap<>();
        if (channelIds.isEmpty()) {
            return byChannel;
        }
        String[] kinds = Arrays.stream(EventKind.values()).filter(EventKind::isProgramme)
                .map(k -> k.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(EVENTS)) {
            s.setArray(1, c.createArrayOf("uuid", channelIds.toArray()));
            s.setObject(2, utc(range.to()));
            s.setObject(3, utc(range.from()));
            s.setArray(4, c.createArrayOf("text", kinds));
            s.setFetchSize(5_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant start = instant(rs, 5);
                    Instant end = instant(rs, 6);
                    if (start.isBefore(range.to()) && end.isAfter(range.from())) {
                        EpgEvent event = new EpgEvent(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                                EventKind.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), start, end, rs.getLong(7), rs.getString(8));
                        byChannel.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(event);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read playlog events for the EPG", e);
        }
        return byChannel;
    }

    /** Guide metadata of the given assets, by uuid; assets the catalog does not know are absent. */
    public Map<UUID, EpgAsset> assets(Collection<UUID> assetUuids) {
        Map<UUID, EpgAsset> assets = new HashMap<>();
        if (assetUuids.isEmpty()) {
            return assets;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(ASSETS)) {
            s.setArray(1, c.createArrayOf("uuid", assetUuids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    EpgAsset asset = new EpgAsset(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, Integer.class), rs.getObject(6, Integer.class), rs.getString(7), rs.getString(8), rs.getString(9));
                    assets.put(asset.uuid(), asset);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read catalog metadata for the EPG", e);
        }
        return assets;
    }

    private List<ChannelGuide.Channel> channels(String sql, UUID id) {
        List<ChannelGuide.Channel> channels = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setObject(1, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    channels.add(new ChannelGuide.Channel(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            ZoneId.of(rs.getString(4))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read channels for the EPG", e);
        }
        return channels;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
