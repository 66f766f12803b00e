-- Every instance serves the schedule queries from memory (io.continuity.playlog.ScheduleCache) and must learn, on
-- commit, that a channel's current schedule changed, whoever wrote it. A trigger is the one place that sees every
-- write: PostgreSQL delivers a NOTIFY only when its transaction commits, once per distinct payload per transaction,
-- to every session that LISTENs on the channel. The payload is the channel id; '*' (a deletion or a truncation, as a
-- reset does) tells the readers to forget everything they hold.
CREATE FUNCTION notify_schedule_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN
        PERFORM pg_notify('continuity_schedule', NEW.channel_id::text);
    ELSE
        PERFORM pg_notify('continuity_schedule', '*');
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER broadcast_schedule_day_changed
    AFTER INSERT OR UPDATE OR DELETE ON broadcast_schedule_day
    FOR EACH ROW EXECUTE FUNCTION notify_schedule_change();

CREATE TRIGGER broadcast_schedule_day_truncated
    AFTER TRUNCATE ON broadcast_schedule_day
    FOR EACH STATEMENT EXECUTE FUNCTION notify_schedule_change();

-- playlog rows are written with their day and never changed; a deletion outside a day's (a reset) still clears the readers
CREATE TRIGGER broadcast_playlog_event_removed
    AFTER DELETE OR TRUNCATE ON broadcast_playlog_event
    FOR EACH STATEMENT EXECUTE FUNCTION notify_schedule_change();
