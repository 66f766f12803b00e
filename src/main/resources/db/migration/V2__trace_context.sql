-- Trace context carried through the database (OpenTelemetry, docs/operations.md): the change that asked for a
-- resolution and the work that wrote an outbox row keep the W3C traceparent of the event that caused them, so the
-- published record continues that trace.

-- W3C trace context of the work that wrote the row (the consumed event's, through resolution); the relay sends it
-- as the record's traceparent header. NULL when that work carried none.
ALTER TABLE outbox ADD COLUMN traceparent text;

-- W3C trace context of the change that asked for the resolution (the latest one when requests coalesce).
ALTER TABLE resolution_request ADD COLUMN traceparent text;
