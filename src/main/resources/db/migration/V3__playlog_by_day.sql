-- The schedule queries (now, playlog range) and the reconciliation sweep find a channel's current ScheduleDays
-- overlapping the time asked for and read those days' events in time order: the rows read no longer grow with the
-- channel's history or with the number of superseded versions (docs/benchmarks.md, "What changed").
CREATE INDEX broadcast_playlog_event_day_start_idx ON broadcast_playlog_event (schedule_day_id, start_utc);

-- Covered by broadcast_playlog_event_channel_start_idx (channel_id, start_utc), which starts with the same column.
DROP INDEX broadcast_playlog_event_channel_idx;

-- An override's answer and status list the events it superseded and added (override_id): without an index that was a
-- scan of the whole playlog for every override. Partial: only overridden events carry an override_id.
CREATE INDEX broadcast_playlog_event_override_idx ON broadcast_playlog_event (override_id) WHERE override_id IS NOT NULL;
