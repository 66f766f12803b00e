-- Continuity schema, v1. PostgreSQL holds projections only: every table below can be dropped and rebuilt by
-- replaying the input topics from offset 0. Names follow the seeds (DESIGN.md §2).

-- ---------------------------------------------------------------------------------------------------------------
-- Plan side (continuity.plan-events)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE channel (
    id                          uuid PRIMARY KEY,
    slug                        text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title                       text        NOT NULL,
    timezone                    text        NOT NULL,
    grid_block_minutes          integer     NOT NULL CHECK (grid_block_minutes IN (15, 30, 60)),
    block_start_offsets_minutes integer[]   NOT NULL CHECK (cardinality(block_start_offsets_minutes) > 0),
    programming_day_start       text        NOT NULL CHECK (programming_day_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
    filler_rule                 jsonb       NOT NULL,
    default_programming         jsonb,
    is_retired                  boolean     NOT NULL DEFAULT false,
    seed_generation             integer     NOT NULL DEFAULT 0,
    -- bumped by every applied override: the version an override's expected_version is checked against
    playlog_version             bigint      NOT NULL DEFAULT 0,
    version                     bigint      NOT NULL CHECK (version > 0),
    created_at                  timestamptz NOT NULL,
    updated_at                  timestamptz NOT NULL
);

CREATE TABLE schedule_plan (
    id               uuid PRIMARY KEY,
    channel_id       uuid        NOT NULL REFERENCES channel (id),
    name             text        NOT NULL,
    priority         integer     NOT NULL CHECK (priority >= 0),
    cron_expression  text        NOT NULL,
    start_date       date,
    end_date         date,
    is_active        boolean     NOT NULL,
    -- position of the plan's creation in the event log: the second layering tie-break ("created later wins")
    created_sequence bigint      NOT NULL,
    version          bigint      NOT NULL CHECK (version > 0),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX schedule_plan_channel_idx ON schedule_plan (channel_id);

CREATE TABLE schedule_plan_label (
    id         uuid PRIMARY KEY,
    channel_id uuid        NOT NULL REFERENCES channel (id),
    name       text        NOT NULL,
    color      text CHECK (color ~ '^#[0-9a-fA-F]{6}$'),
    version    bigint      NOT NULL CHECK (version > 0),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE schedule_plan_block_assignments (
    id                uuid PRIMARY KEY,
    channel_id        uuid        NOT NULL REFERENCES channel (id),
    plan_id           uuid        NOT NULL REFERENCES schedule_plan (id),
    start_time        text        NOT NULL CHECK (start_time ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$'),
    start_minute      integer     NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
    duration          integer     NOT NULL CHECK (duration > 0),
    content_type      text        NOT NULL CHECK (content_type IN ('series', 'asset', 'rule', 'random', 'virtual_package')),
    content_reference text        NOT NULL,
    label_id          uuid REFERENCES schedule_plan_label (id),
    episode_policy    text CHECK (episode_policy IN ('sequential', 'syndication', 'random', 'seasonal', 'least-recently-used')),
    playback_rules    jsonb,
    operator_intent   text,
    version           bigint      NOT NULL CHECK (version > 0),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CHECK (start_minute + duration <= 1440)
);
CREATE INDEX schedule_plan_block_assignments_plan_idx ON schedule_plan_block_assignments (plan_id, start_minute);

-- No two assignments of one plan may overlap. Enforced here as well as in the consumer, so no code path can break it.
CREATE FUNCTION assignment_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM schedule_plan_block_assignments a
               WHERE a.plan_id = NEW.plan_id AND a.id <> NEW.id
                 AND int4range(a.start_minute, a.start_minute + a.duration)
                     && int4range(NEW.start_minute, NEW.start_minute + NEW.duration)) THEN
        RAISE EXCEPTION 'assignment % overlaps another assignment of plan %', NEW.id, NEW.plan_id
            USING ERRCODE = 'exclusion_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE CONSTRAINT TRIGGER schedule_plan_block_assignments_no_overlap
    AFTER INSERT OR UPDATE ON schedule_plan_block_assignments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION assignment_no_overlap();

-- ---------------------------------------------------------------------------------------------------------------
-- Catalog side (continuity.catalog-events)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE catalog_asset (
    uuid                   uuid PRIMARY KEY,
    title                  text        NOT NULL,
    kind                   text        NOT NULL CHECK (kind IN ('episode', 'movie', 'filler', 'bumper', 'promo')),
    duration_ms            bigint      NOT NULL CHECK (duration_ms > 0),
    series_id              text,
    series_title           text,
    season                 integer CHECK (season >= 0),
    episode                integer CHECK (episode >= 0),
    syndication_order      integer CHECK (syndication_order >= 0),
    episode_title          text,
    description            text,
    genre                  text,
    rating                 text,
    tags                   text[]      NOT NULL DEFAULT '{}',
    added_at               timestamptz,
    state                  text        NOT NULL CHECK (state IN ('ready', 'pending', 'failed')),
    approved_for_broadcast boolean     NOT NULL,
    is_deleted             boolean     NOT NULL DEFAULT false,
    is_retired             boolean     NOT NULL DEFAULT false,
    version                bigint      NOT NULL CHECK (version > 0),
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL
);
CREATE INDEX catalog_asset_series_idx ON catalog_asset (series_id) WHERE series_id IS NOT NULL;
CREATE INDEX catalog_asset_kind_idx ON catalog_asset (kind);

CREATE TABLE virtual_asset (
    uuid        uuid PRIMARY KEY,
    title       text        NOT NULL,
    asset_uuids uuid[],
    rule        jsonb,
    version     bigint      NOT NULL CHECK (version > 0),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CHECK ((asset_uuids IS NULL) <> (rule IS NULL))
);

-- ---------------------------------------------------------------------------------------------------------------
-- Resolved schedule: versioned ScheduleDays and their BroadcastPlaylogEvents
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE broadcast_schedule_day (
    id               uuid PRIMARY KEY,
    channel_id       uuid        NOT NULL REFERENCES channel (id),
    broadcast_day    date        NOT NULL,
    version          integer     NOT NULL CHECK (version > 0),
    plan_lineage     uuid[]      NOT NULL DEFAULT '{}',
    seed             bigint      NOT NULL,
    seed_generation  integer     NOT NULL,
    day_start_utc    timestamptz NOT NULL,
    day_end_utc      timestamptz NOT NULL,
    replaces_from_utc timestamptz,
    -- why the resolver chose what it chose: every filler, gap, relaxation and fallback, for operators
    decisions        jsonb       NOT NULL DEFAULT '[]',
    created_at       timestamptz NOT NULL,
    superseded_at    timestamptz,
    UNIQUE (channel_id, broadcast_day, version),
    CHECK (day_end_utc > day_start_utc)
);
-- one current version per (channel, day)
CREATE UNIQUE INDEX broadcast_schedule_day_current_idx
    ON broadcast_schedule_day (channel_id, broadcast_day) WHERE superseded_at IS NULL;

CREATE SEQUENCE broadcast_playlog_event_seq INCREMENT BY 50;
CREATE TABLE broadcast_playlog_event (
    id              bigint PRIMARY KEY DEFAULT nextval('broadcast_playlog_event_seq'),
    uuid            uuid        NOT NULL,
    channel_id      uuid        NOT NULL REFERENCES channel (id),
    schedule_day_id uuid        NOT NULL REFERENCES broadcast_schedule_day (id),
    asset_uuid      uuid,
    kind            text        NOT NULL CHECK (kind IN ('program', 'filler', 'bumper', 'gap', 'fallback', 'override')),
    start_utc       timestamptz NOT NULL,
    end_utc         timestamptz NOT NULL,
    broadcast_day   text        NOT NULL CHECK (broadcast_day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    offset_ms       bigint      NOT NULL DEFAULT 0 CHECK (offset_ms >= 0),
    assignment_id   uuid,
    plan_id         uuid,
    title           text,
    fallback        uuid[]      NOT NULL DEFAULT '{}',
    is_frozen       boolean     NOT NULL DEFAULT false,
    is_overridden   boolean     NOT NULL DEFAULT false,
    override_id     uuid,
    created_at      timestamptz NOT NULL,
    -- the same event (same uuid) is carried into later versions of its day when it is frozen
    UNIQUE (schedule_day_id, uuid),
    CHECK (end_utc > start_utc),
    CHECK (kind = 'gap' OR asset_uuid IS NOT NULL)
);
CREATE INDEX broadcast_playlog_event_channel_idx ON broadcast_playlog_event (channel_id);
CREATE INDEX broadcast_playlog_event_start_idx ON broadcast_playlog_event (start_utc);
CREATE INDEX broadcast_playlog_event_day_idx ON broadcast_playlog_event (broadcast_day);
CREATE INDEX broadcast_playlog_event_asset_idx ON broadcast_playlog_event (asset_uuid);
CREATE INDEX broadcast_playlog_event_uuid_idx ON broadcast_playlog_event (uuid);
CREATE INDEX broadcast_playlog_event_channel_start_idx ON broadcast_playlog_event (channel_id, start_utc);

-- ---------------------------------------------------------------------------------------------------------------
-- Playout loop: overrides, as-run, reconciliation
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE playlog_override (
    id                uuid PRIMARY KEY,
    channel_id        uuid        NOT NULL REFERENCES channel (id),
    action            text        NOT NULL CHECK (action IN ('REPLACE', 'INSERT', 'RETIME', 'CANCEL')),
    target_event_uuid uuid,
    asset_uuid        uuid,
    start_utc         timestamptz,
    end_utc           timestamptz,
    resume            text CHECK (resume IN ('JOIN_IN_PROGRESS', 'NEXT_EVENT')),
    reason            text        NOT NULL,
    requested_by      text        NOT NULL,
    expected_version  bigint,
    status            text        NOT NULL CHECK (status IN ('PENDING', 'APPLIED', 'REJECTED')),
    rejection_reason  text,
    requested_at      timestamptz NOT NULL,
    applied_at        timestamptz,
    CHECK (end_utc IS NULL OR start_utc IS NULL OR end_utc > start_utc)
);
CREATE INDEX playlog_override_channel_idx ON playlog_override (channel_id, requested_at);

CREATE TABLE as_run_log (
    id                 uuid PRIMARY KEY,
    channel_id         uuid        NOT NULL,
    playlog_event_uuid uuid,
    asset_uuid         uuid        NOT NULL,
    actual_start_utc   timestamptz NOT NULL,
    actual_end_utc     timestamptz NOT NULL,
    status             text        NOT NULL CHECK (status IN ('AIRED', 'TRUNCATED', 'SHORT', 'SKIPPED', 'SUBSTITUTED', 'ERROR')),
    reason             text,
    recorded_at        timestamptz NOT NULL,
    CHECK (actual_end_utc >= actual_start_utc)
);
CREATE INDEX as_run_log_channel_start_idx ON as_run_log (channel_id, actual_start_utc);
CREATE INDEX as_run_log_event_idx ON as_run_log (playlog_event_uuid);
CREATE INDEX as_run_log_asset_idx ON as_run_log (asset_uuid, actual_start_utc);

CREATE TABLE reconciliation_result (
    id                 bigserial PRIMARY KEY,
    channel_id         uuid        NOT NULL,
    broadcast_day      text,
    playlog_event_uuid uuid,
    as_run_id          uuid REFERENCES as_run_log (id),
    outcome            text        NOT NULL CHECK (outcome IN ('OK', 'MISSING', 'LATE_START', 'EARLY_END', 'SUBSTITUTED', 'EXTRA')),
    planned_start_utc  timestamptz,
    planned_end_utc    timestamptz,
    actual_start_utc   timestamptz,
    actual_end_utc     timestamptz,
    delta_ms           bigint,
    detail             text,
    checked_at         timestamptz NOT NULL,
    CHECK (playlog_event_uuid IS NOT NULL OR as_run_id IS NOT NULL)
);
CREATE INDEX reconciliation_result_channel_idx ON reconciliation_result (channel_id, planned_start_utc);
CREATE UNIQUE INDEX reconciliation_result_event_idx ON reconciliation_result (playlog_event_uuid, outcome)
    WHERE playlog_event_uuid IS NOT NULL;

-- ---------------------------------------------------------------------------------------------------------------
-- Messaging plumbing: what was consumed, what must be published, what was refused
-- ---------------------------------------------------------------------------------------------------------------
-- Every record a consumer took a decision on, by CloudEvents id: a redelivered or duplicated record changes nothing.
CREATE TABLE event_journal (
    event_id     text PRIMARY KEY,
    ce_type      text,
    topic        text        NOT NULL,
    partition_no integer     NOT NULL,
    record_offset bigint     NOT NULL,
    record_key   text,
    aggregate_id text,
    outcome      text        NOT NULL CHECK (outcome IN ('APPLIED', 'REJECTED')),
    event_time   timestamptz,
    applied_at   timestamptz NOT NULL
);
CREATE INDEX event_journal_position_idx ON event_journal (topic, partition_no, record_offset);

-- Kafka positions, committed in the same transaction as the projection they produced.
CREATE TABLE consumer_offset (
    group_id     text        NOT NULL,
    topic        text        NOT NULL,
    partition_no integer     NOT NULL,
    next_offset  bigint      NOT NULL CHECK (next_offset >= 0),
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (group_id, topic, partition_no)
);

-- Transactional outbox: written with the change that caused it, published by the relay, marked afterwards.
CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,
    topic        text        NOT NULL,
    record_key   text,
    headers      jsonb       NOT NULL,
    payload      bytea,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL;

CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('continuity_outbox', '');
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- Records that could never be applied, with the reason; the same record goes to <topic>.dlq.
CREATE TABLE rejected_event (
    id            bigserial PRIMARY KEY,
    topic         text        NOT NULL,
    partition_no  integer     NOT NULL,
    record_offset bigint      NOT NULL,
    record_key    text,
    event_id      text,
    ce_type       text,
    reason_code   text        NOT NULL,
    reason_field  text,
    reason_detail text        NOT NULL,
    headers       jsonb       NOT NULL,
    payload       bytea,
    rejected_at   timestamptz NOT NULL,
    UNIQUE (topic, partition_no, record_offset)
);
CREATE INDEX rejected_event_time_idx ON rejected_event (rejected_at);

-- Channels whose horizon must be (re)resolved: written in the same transaction as the change that requires it,
-- taken by the instance that owns the channel's plan-events partition.
CREATE TABLE resolution_request (
    channel_id   uuid PRIMARY KEY REFERENCES channel (id),
    partition_no integer     NOT NULL,
    reason       text        NOT NULL,
    requested_at timestamptz NOT NULL
);
CREATE INDEX resolution_request_partition_idx ON resolution_request (partition_no, requested_at);

-- Alerts raised (also published on continuity.schedule-alerts), kept for the operator surface.
CREATE TABLE schedule_alert (
    id            uuid PRIMARY KEY,
    channel_id    uuid,
    kind          text        NOT NULL,
    severity      text        NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    broadcast_day text,
    message       text        NOT NULL,
    details       jsonb,
    raised_at     timestamptz NOT NULL
);
CREATE INDEX schedule_alert_channel_idx ON schedule_alert (channel_id, raised_at);
