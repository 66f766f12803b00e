-- Overrides are inputs of resolution (docs/decisions/0001-schedule-from-inputs.md): each applied override is kept with
-- the time window it acts on, so every later resolution of its day can apply it again after the plans, even when the
-- event it named is no longer in the newer resolution. Each application makes a new ScheduleDay version.

-- The order overrides of one channel are applied in (the log's order: one channel is one partition).
ALTER TABLE playlog_override ADD COLUMN sequence_no bigserial;
-- The broadcast day the override acts on.
ALTER TABLE playlog_override ADD COLUMN broadcast_day date;
-- The target's window and asset as they were when the override was applied (REPLACE, CANCEL, RETIME): the override
-- stays pinned to this window.
ALTER TABLE playlog_override ADD COLUMN target_start_utc timestamptz;
ALTER TABLE playlog_override ADD COLUMN target_end_utc timestamptz;
ALTER TABLE playlog_override ADD COLUMN target_asset_uuid uuid;
ALTER TABLE playlog_override ADD COLUMN target_title text;
ALTER TABLE playlog_override ADD COLUMN target_assignment_id uuid;
ALTER TABLE playlog_override ADD COLUMN target_plan_id uuid;
-- The asset and the window it airs in as decided at application (INSERT, REPLACE, RETIME): the catalog may change later.
ALTER TABLE playlog_override ADD COLUMN asset_duration_ms bigint;
ALTER TABLE playlog_override ADD COLUMN asset_title text;
ALTER TABLE playlog_override ADD COLUMN effective_end_utc timestamptz;
-- What the override superseded in the version it was applied to, and the version it made.
ALTER TABLE playlog_override ADD COLUMN superseded_event_uuids uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE playlog_override ADD COLUMN applied_version integer;

CREATE INDEX playlog_override_day_idx ON playlog_override (channel_id, broadcast_day, sequence_no) WHERE status = 'APPLIED';

-- Why a version was made: the input events (plan, catalog, override, as-run) and time-driven causes (roll) behind it.
ALTER TABLE broadcast_schedule_day ADD COLUMN causes jsonb NOT NULL DEFAULT '[]';

-- A resolution request names what it must re-resolve: the broadcast days (NULL: every day of the horizon) and the
-- input events that asked for it (coalesced, newest last, capped).
ALTER TABLE resolution_request ADD COLUMN days date[];
ALTER TABLE resolution_request ADD COLUMN causes text[] NOT NULL DEFAULT '{}';

-- "Current" is defined once, here, and read through io.continuity.playlog.CurrentSchedule or these views: the current
-- version of a channel's broadcast day is the one not superseded (one per channel and day, broadcast_schedule_day_current_idx),
-- and a current playlog event is an event of a current version that no override superseded. PostgreSQL inlines a view
-- into the query that reads it, so the indexes the queries were tuned for (V3) are used as before.
CREATE VIEW current_schedule_day AS
SELECT id, channel_id, broadcast_day, version, plan_lineage, seed, seed_generation, day_start_utc, day_end_utc, replaces_from_utc,
       decisions, causes, created_at, superseded_at
FROM broadcast_schedule_day
WHERE superseded_at IS NULL;

-- The events with their day's version, date and bounds: a reader bounds the days first (schedule_day_date finds them
-- through the partial unique index, day_start_utc/day_end_utc bound them exactly), then reads their events by
-- (schedule_day_id, start_utc). channel_id is the day's (an event always has its day's channel), so a filter on it, even
-- = ANY (...), drives the days; the join also matches the event's channel, so an equality reaches the event indexes too.
CREATE VIEW current_playlog_event AS
SELECT e.id, e.uuid, d.channel_id, e.schedule_day_id, e.asset_uuid, e.kind, e.start_utc, e.end_utc, e.broadcast_day, e.offset_ms,
       e.assignment_id, e.plan_id, e.title, e.fallback, e.is_frozen, e.is_overridden, e.override_id, e.created_at,
       d.version AS schedule_day_version, d.broadcast_day AS schedule_day_date, d.day_start_utc, d.day_end_utc
FROM current_schedule_day d
JOIN broadcast_playlog_event e ON e.schedule_day_id = d.id AND e.channel_id = d.channel_id
WHERE NOT e.is_overridden;
