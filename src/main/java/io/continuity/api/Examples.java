package io.continuity.api;

/**
 * Request bodies shown in the OpenAPI document and Swagger UI for every command; each is a valid v1 payload (the ids
 * the URL carries may be left out).
 */
public final class Examples {

    public static final String CHANNEL = """
            {"slug": "retro-tv", "title": "Retro TV", "timezone": "America/New_York", "grid_block_minutes": 30,
             "block_start_offsets_minutes": [0, 30], "programming_day_start": "06:00",
             "filler_rule": {"kind": ["filler", "promo", "bumper"]},
             "default_programming": {"content_type": "rule", "content_reference": {"kind": "movie"}}}""";

    public static final String CHANNEL_PLUS_ONE = """
            {"slug": "retro-tv-plus-1", "title": "Retro TV +1", "timezone": "America/New_York", "grid_block_minutes": 30,
             "block_start_offsets_minutes": [0, 30], "programming_day_start": "06:00", "filler_rule": {},
             "time_shift": {"source_channel_id": "0b7e3c2a-5f4d-4e8a-9c61-2d3f4a5b6c7d", "offset_minutes": 60}}""";

    public static final String CHANNEL_UPDATE = """
            {"slug": "retro-tv", "title": "Retro TV HD", "timezone": "America/New_York", "grid_block_minutes": 30,
             "block_start_offsets_minutes": [0, 30], "programming_day_start": "06:00",
             "filler_rule": {"kind": ["filler", "promo"]}, "expected_version": 1}""";

    public static final String PLAN = """
            {"name": "Weekdays", "priority": 10, "cron_expression": "* * * * 1-5", "start_date": "2026-11-01",
             "end_date": null, "is_active": true}""";

    public static final String PLAN_UPDATE = """
            {"name": "Weekdays (winter)", "priority": 20, "cron_expression": "* * * * 1-5", "start_date": "2026-11-01",
             "end_date": "2027-03-31", "is_active": true, "expected_version": 1}""";

    public static final String ASSIGNMENT = """
            {"start_time": "14:00", "duration": 60, "content_type": "series", "content_reference": "the-avengers",
             "episode_policy": "sequential", "playback_rules": {"avoid_repeats": true, "avoid_repeats_window_days": 7},
             "operator_intent": "afternoon classics"}""";

    public static final String ASSIGNMENT_RULE = """
            {"start_time": "16:00", "duration": 120, "content_type": "rule",
             "content_reference": {"kind": "movie", "genre": ["western", "adventure"], "max_duration": 115}}""";

    public static final String LABEL = """
            {"name": "Prime time", "color": "#1f77b4"}""";

    public static final String ASSET = """
            {"title": "The Town That Forgot Christmas", "kind": "episode", "duration_ms": 1380000, "series_id": "the-avengers",
             "series_title": "The Avengers", "season": 1, "episode": 4, "genre": "drama", "rating": "TV-PG", "tags": ["christmas"],
             "state": "ready", "approved_for_broadcast": true}""";

    public static final String VIRTUAL_ASSET_LIST = """
            {"title": "Saturday double bill", "asset_uuids": ["0f8b6c1e-7d0a-4c55-9b1a-6c1f4d2e3a10", "5a2c9e47-1b3d-4f60-8e2a-9d7c3b1f0e22"]}""";

    public static final String VIRTUAL_ASSET_RULE = """
            {"title": "Any recent comedy under an hour", "rule": {"genre": "comedy", "max_duration": 60, "freshness": "recent"}}""";

    private Examples() {
    }
}
