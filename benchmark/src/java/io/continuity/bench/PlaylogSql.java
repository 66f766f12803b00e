package io.continuity.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The SQL the schedule queries come down to (what {@code PlaylogReader} runs for {@code ScheduleQueryResource}): the
 * floor B5 is measured against, run straight through PgJDBC on the same database.
 */
final class PlaylogSql {

    /** Current, not overridden events of one channel overlapping a range, in time order: see {@link #channelRange}. */
    static final String CHANNEL_RANGE = """
            SELECT e.* FROM broadcast_schedule_day d JOIN broadcast_playlog_event e ON e.schedule_day_id = d.id
            WHERE d.channel_id = ? AND d.superseded_at IS NULL AND d.broadcast_day BETWEEN ? AND ?
              AND d.day_start_utc < ? AND d.day_end_utc > ?
              AND NOT e.is_overridden AND e.start_utc < ? AND e.end_utc > ?
            ORDER BY e.start_utc""";

    /** The first two of those: what is on air and what comes next. */
    static final String CHANNEL_NOW = CHANNEL_RANGE + " LIMIT 2";

    /** The parameters of {@link #CHANNEL_RANGE} and {@link #CHANNEL_NOW} for [from, to), bound as the service binds them. */
    static Object[] channelRange(UUID channel, Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(7);
        LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC).plusDays(2);
        return new Object[] {channel, first, last, to, from, to, from};
    }

    /** The same for every channel, with the channel's names: what an XMLTV export needs. */
    static final String ALL_CHANNELS_RANGE = """
            SELECT e.*, c.slug, c.title AS channel_title FROM broadcast_playlog_event e
            JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id JOIN channel c ON c.id = e.channel_id
            WHERE d.superseded_at IS NULL AND e.is_overridden = false AND e.end_utc > ? AND e.start_utc < ?
            ORDER BY e.channel_id, e.start_utc""";

    private PlaylogSql() {
    }
}
