-- A channel may be a time-shifted copy ("+1") of another: its days are the source's events, offset_minutes later,
-- written with every new version of a source day (docs/decisions.md 26). Both columns are set or neither. No foreign
-- key: the source is configured on another partition of the log and may be projected after its copy.
ALTER TABLE channel ADD COLUMN time_shift_source_id uuid;
ALTER TABLE channel ADD COLUMN time_shift_minutes integer;
ALTER TABLE channel ADD CONSTRAINT channel_time_shift_complete
    CHECK ((time_shift_source_id IS NULL) = (time_shift_minutes IS NULL) AND (time_shift_minutes IS NULL OR time_shift_minutes > 0));
CREATE INDEX channel_time_shift_source_idx ON channel (time_shift_source_id) WHERE time_shift_source_id IS NOT NULL;
