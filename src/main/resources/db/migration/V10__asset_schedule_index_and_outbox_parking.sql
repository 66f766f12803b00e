-- "Where an asset airs next" (playlog.CurrentSchedule.upcomingOfAsset, the catalog browser) reads the current events of an
-- asset that end after now. The single-column index on asset_uuid (V1) found every event the asset ever had, in every version
-- of every day, and for an asset that airs often (a bumper, an ident) the planner rather walked broadcast_playlog_event_start_idx
-- from the first event of history. (asset_uuid, end_utc) bounds the read to the asset's events still ahead, which the query
-- then orders; it also serves any lookup by asset_uuid alone, so the single-column index goes (one index less per COPY).
-- EXPLAIN (ANALYZE, BUFFERS) on 190,080 playlog rows (20 channels x 50 days, three versions of the last 8 days), before -> after:
-- a bumper 156,848 buffers / 86 ms -> 133 / 2 ms; a filler 1,190 / 8 ms -> 234 / 2 ms; a programme 38 -> 25; an unscheduled asset 8 -> 9.
CREATE INDEX broadcast_playlog_event_asset_end_idx ON broadcast_playlog_event (asset_uuid, end_utc);
DROP INDEX IF EXISTS broadcast_playlog_event_asset_idx;

-- Outbox records Kafka refused for good (larger than the topic's max.message.bytes or the relay's max request, an invalid
-- record): the relay moves such a row here with the refusal, raises an alert and publishes the rows behind it
-- (messaging.OutboxRelay, docs/operations.md "When Kafka refuses a record"). An operator requeues it once the limit is
-- raised: it goes back into the outbox under its own id, so the relay sends it before anything newer.
CREATE TABLE outbox_parked (
    id             bigint      PRIMARY KEY,  -- the outbox row's id
    topic          text        NOT NULL,
    record_key     text,
    headers        jsonb       NOT NULL,
    payload        bytea,
    traceparent    text,
    created_at     timestamptz NOT NULL,
    -- the payload's identifying top-level fields (channel_id, broadcast_day, version) when it has them
    subject        jsonb       NOT NULL DEFAULT '{}',
    parked_at      timestamptz NOT NULL,
    reason         text        NOT NULL,     -- the Kafka exception, e.g. RecordTooLargeException
    reason_detail  text        NOT NULL      -- its message
);
