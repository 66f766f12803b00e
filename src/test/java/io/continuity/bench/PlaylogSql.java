package io.continuity.bench;

/**
 * The SQL the schedule queries come down to (what Hibernate runs for {@code ScheduleQueryResource}): the floor B5 is
 * measured against, run straight through PgJDBC on the same database.
 */
final class PlaylogSql {

    /** Current, not overridden events of one channel overlapping [?2, ?3), in time order. */
    static final String CHANNEL_RANGE = """
            SELECT e.* FROM broadcast_playlog_event e JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id
            WHERE d.superseded_at IS NULL AND e.is_overridden = false AND e.channel_id = ? AND e.end_utc > ? AND e.start_utc < ?
            ORDER BY e.start_utc""";

    /** The first two of those: what is on air and what comes next. */
    static final String CHANNEL_NOW = CHANNEL_RANGE + " LIMIT 2";

    /** The same for every channel, with the channel's names: what an XMLTV export needs. */
    static final String ALL_CHANNELS_RANGE = """
            SELECT e.*, c.slug, c.title AS channel_title FROM broadcast_playlog_event e
            JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id JOIN channel c ON c.id = e.channel_id
            WHERE d.superseded_at IS NULL AND e.is_overridden = false AND e.end_utc > ? AND e.start_utc < ?
            ORDER BY e.channel_id, e.start_utc""";

    private PlaylogSql() {
    }
}
