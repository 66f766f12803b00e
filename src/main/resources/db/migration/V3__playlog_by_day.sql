-- The schedule queries (now, playlog range) and the reconciliation sweep find a channel's current ScheduleDays
-- overlapping the time asked for and read those days' events in time order: the rows read no longer grow with the
-- channel's history or with the number of superseded versions (docs/benchmarks.md, "What changed").
CREATE INDEX broadcast_playlog_event_day_start_idx ON broadcast_playlog_event (schedule_day_id, start_utc);

-- Covered by broadcast_playlog_event_channel_start_idx (channel_id, start_utc), which starts with the same column.
DROP INDEX broadcast_playlog_event_channel_idx;
