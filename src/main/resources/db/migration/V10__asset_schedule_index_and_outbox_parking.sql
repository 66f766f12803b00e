-- "Where an asset airs next" (playlog.CurrentSchedule.upcomingOfAsset, the catalog browser) reads the current events of an
-- asset that end after now. The single-column index on asset_uuid (V1) found every event the asset ever had, in every version
-- of every day, and for an asset that airs often (a bumper, an ident) the planner rather walked broadcast_playlog_event_start_idx
-- from the first event of history. (asset_uuid, end_utc) bounds the read to the asset's events still ahead, which the query
-- then orders; it also serves any lookup by asset_uuid alone, so the single-column index goes (one index less per COPY).
-- EXPLAIN (ANALYZE, BUFFERS) on 190,080 playlog rows (20 channels x 50 days, three versions of the last 8 days), before -> after:
-- a bumper 156,848 buffers / 86 ms -> 133 / 2 ms; a filler 1,190 / 8 ms -> 234 / 2 ms; a programme 38 -> 25; an unscheduled asset 8 -> 9.
CREATE INDEX broadcast_playlog_event_asset_end_idx ON broadcast_playlog_event (asset_uuid, end_utc);
DROP INDEX IF EXISTS broadcast_playlog_event_asset_idx;
