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
