-- Every decision that made ScheduleDay versions (docs/decisions.md 15): live decisions are recorded here as they are
-- published on continuity.schedule-decisions; a rebuild records each decision it replays. A decision id found here
-- has been made in this database, so it is neither made nor replayed again.
CREATE TABLE schedule_decision (
    decision_id uuid PRIMARY KEY,
    channel_id  uuid        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('RESOLUTION', 'OVERRIDE')),
    decided_at  timestamptz NOT NULL,
    override_id uuid,
    replayed    boolean     NOT NULL
);
CREATE INDEX schedule_decision_channel_idx ON schedule_decision (channel_id, decided_at);
