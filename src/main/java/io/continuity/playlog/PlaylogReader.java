package io.continuity.playlog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;

import io.continuity.events.EventJson;
import io.continuity.playlog.PlaylogViews.EventView;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The hot read path of the schedule queries in plain JDBC: the current, not overridden events of one channel
 * overlapping a range, read without Hibernate entities and, for a range, written straight into a JSON generator in
 * the {@link EventView} shape. {@code now} and the 24-hour playlog are asked for by every ChannelManager and guide,
 * and loading entities then serializing views through the REST layer's object mapper cost more than the query
 * itself by two orders of magnitude (benchmark B5, docs/benchmarks.md).
 */
@ApplicationScoped
public class PlaylogReader {

    /**
     * Driven by the channel's current ScheduleDays overlapping the range, like the EPG and the guide: an event lies
     * inside its day, so the rows read are those of two or three days whatever the length of the channel's history
     * and however many superseded versions it has. The {@code schedule_day_date} bounds only let the partial unique
     * index on (channel, day) find those days; the exact test is on the day's own instants. The view
     * {@code current_playlog_event} (V4) is inlined by PostgreSQL, so the plan is the one tuned in V3.
     */
    static final String CURRENT = """
            SELECT e.uuid, e.asset_uuid, e.kind, e.start_utc, e.end_utc, e.offset_ms, e.broadcast_day, e.assignment_id, e.plan_id,
                   e.schedule_day_id, e.title, e.fallback, e.is_frozen, e.is_overridden, e.override_id
            FROM current_playlog_event e
            WHERE e.channel_id = ? AND e.schedule_day_date BETWEEN ? AND ?
              AND e.day_start_utc < ? AND e.day_end_utc > ?
              AND e.start_utc < ? AND e.end_utc > ?
            ORDER BY e.start_utc""";
    private static final String CURRENT_LIMITED = CURRENT + " LIMIT ?";
    /**
     * How far the broadcast days searched reach beyond the range's UTC dates. A day starts at its programming day
     * start in the channel's zone (offsets -12 h to +14 h), so its UTC start lies between the day before its date and
     * the day after; the margin also covers 25-hour DST days and a day lengthened by a change of programming day start.
     */
    private static final int DAYS_BEFORE = 7;
    private static final int DAYS_AFTER = 2;

    private final DataSource dataSource;

    public PlaylogReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The first {@code limit} current events of the channel overlapping [from, to), in time order. */
    public List<EventView> current(UUID channelId, Instant from, Instant to, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CURRENT_LIMITED)) {
            bind(s, channelId, from, to);
            s.setInt(8, limit);
            List<EventView> events = new ArrayList<>(limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(view(rs));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the playlog of channel " + channelId + " failed", e);
        }
    }

    /** All current events of the channel overlapping [from, to) as a JSON array of {@link EventView}s. */
    public void writeCurrent(UUID channelId, Instant from, Instant to, OutputStream out) throws IOException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CURRENT)) {
            bind(s, channelId, from, to);
            try (ResultSet rs = s.executeQuery(); JsonGenerator json = EventJson.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                json.writeStartArray();
                while (rs.next()) {
                    write(json, rs);
                }
                json.writeEndArray();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the playlog of channel " + channelId + " failed", e);
        }
    }

    /** A current ScheduleDay version: its id and bounds in epoch microseconds. */
    record DayHeader(UUID id, long startUs, long endUs) {
    }

    private static final String CURRENT_DAYS = """
            SELECT id, day_start_utc, day_end_utc FROM current_schedule_day
            WHERE channel_id = ? AND day_end_utc > ? ORDER BY day_start_utc""";

    private static final String DAY_EVENTS = """
            SELECT e.uuid, e.asset_uuid, e.kind, e.start_utc, e.end_utc, e.offset_ms, e.broadcast_day, e.assignment_id, e.plan_id,
                   e.schedule_day_id, e.title, e.fallback, e.is_frozen, e.is_overridden, e.override_id
            FROM broadcast_playlog_event e
            JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id AND d.channel_id = e.channel_id
            WHERE e.schedule_day_id = ? AND NOT e.is_overridden
            ORDER BY e.start_utc""";

    /** The channels not retired. */
    List<UUID> liveChannels() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT id FROM channel WHERE NOT is_retired ORDER BY id")) {
            List<UUID> channels = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    channels.add(rs.getObject(1, UUID.class));
                }
            }
            return channels;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the live channels failed", e);
        }
    }

    /** The channel's current ScheduleDay versions that end after {@code since}, by start. */
    DayHeader[] currentDays(UUID channelId, Instant since) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CURRENT_DAYS)) {
            s.setObject(1, channelId);
            s.setObject(2, since.atOffset(ZoneOffset.UTC));
            List<DayHeader> days = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    days.add(new DayHeader(rs.getObject(1, UUID.class), DayEvents.micros(instant(rs, 2)), DayEvents.micros(instant(rs, 3))));
                }
            }
            return days.toArray(DayHeader[]::new);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the current days of channel " + channelId + " failed", e);
        }
    }

    /** The events of one version (which never change), serialised as {@link #writeCurrent} writes them. */
    DayEvents dayEvents(UUID scheduleDayId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(DAY_EVENTS)) {
            s.setObject(1, scheduleDayId);
            List<long[]> times = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
            try (ResultSet rs = s.executeQuery(); JsonGenerator json = EventJson.mapper().getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
                json.setRootValueSeparator(null);
                while (rs.next()) {
                    json.flush();
                    starts.add(bytes.size());
                    times.add(new long[] {DayEvents.micros(instant(rs, 4)), DayEvents.micros(instant(rs, 5)), rs.getLong(6)});
                    write(json, rs);
                }
                json.flush();
                starts.add(bytes.size());
            }
            int n = times.size();
            long[] start = new long[n];
            long[] end = new long[n];
            long[] offset = new long[n];
            for (int i = 0; i < n; i++) {
                start[i] = times.get(i)[0];
                end[i] = times.get(i)[1];
                offset[i] = times.get(i)[2];
            }
            return new DayEvents(start, end, offset, bytes.toByteArray(), starts.stream().mapToInt(Integer::intValue).toArray());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("reading the events of ScheduleDay " + scheduleDayId + " failed", e);
        }
    }

    /** Binds the seven parameters of {@link #CURRENT} for the channel's events overlapping [from, to). */
    static void bind(PreparedStatement s, UUID channelId, Instant from, Instant to) throws SQLException {
        OffsetDateTime start = from.atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.atOffset(ZoneOffset.UTC);
        s.setObject(1, channelId);
        s.setObject(2, start.toLocalDate().minusDays(DAYS_BEFORE));
        s.setObject(3, end.toLocalDate().plusDays(DAYS_AFTER));
        s.setObject(4, end);
        s.setObject(5, start);
        s.setObject(6, end);
        s.setObject(7, start);
    }

    private static EventView view(ResultSet rs) throws SQLException {
        return new EventView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), instant(rs, 4), instant(rs, 5),
                rs.getLong(6), rs.getString(7), rs.getObject(8, UUID.class), rs.getObject(9, UUID.class), rs.getObject(10, UUID.class),
                rs.getString(11), fallback(rs.getArray(12)), rs.getBoolean(13), rs.getBoolean(14), rs.getObject(15, UUID.class));
    }

    /** One event in the field order and names of {@link EventView} as the REST layer writes it (snake_case, ISO instants). */
    private static void write(JsonGenerator json, ResultSet rs) throws SQLException, IOException {
        json.writeStartObject();
        uuid(json, "uuid", rs.getObject(1, UUID.class));
        uuid(json, "asset_uuid", rs.getObject(2, UUID.class));
        json.writeStringField("kind", rs.getString(3));
        json.writeStringField("start_utc", instant(rs, 4).toString());
        json.writeStringField("end_utc", instant(rs, 5).toString());
        json.writeNumberField("offset_ms", rs.getLong(6));
        json.writeStringField("broadcast_day", rs.getString(7));
        uuid(json, "assignment_id", rs.getObject(8, UUID.class));
        uuid(json, "plan_id", rs.getObject(9, UUID.class));
        uuid(json, "schedule_day_id", rs.getObject(10, UUID.class));
        json.writeStringField("title", rs.getString(11));
        json.writeArrayFieldStart("fallback");
        for (UUID uuid : fallback(rs.getArray(12))) {
            json.writeString(uuid.toString());
        }
        json.writeEndArray();
        json.writeBooleanField("frozen", rs.getBoolean(13));
        json.writeBooleanField("overridden", rs.getBoolean(14));
        uuid(json, "override_id", rs.getObject(15, UUID.class));
        json.writeEndObject();
    }

    private static void uuid(JsonGenerator json, String name, UUID value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, value.toString());
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static List<UUID> fallback(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object values = array.getArray();
        return values instanceof UUID[] uuids ? Arrays.asList(uuids) : List.of();
    }
}
