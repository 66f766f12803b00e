package io.continuity.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every projection table as rows ordered by key, minus the columns that record when this database did something
 * (not what the log said): two databases built from the same log must produce equal snapshots.
 */
public final class ProjectionSnapshot {

    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("channel", "SELECT * FROM channel ORDER BY id");
        TABLES.put("schedule_plan", "SELECT * FROM schedule_plan ORDER BY id");
        TABLES.put("schedule_plan_label", "SELECT * FROM schedule_plan_label ORDER BY id");
        TABLES.put("schedule_plan_block_assignments", "SELECT * FROM schedule_plan_block_assignments ORDER BY id");
        TABLES.put("catalog_asset", "SELECT * FROM catalog_asset ORDER BY uuid");
        TABLES.put("virtual_asset", "SELECT * FROM virtual_asset ORDER BY uuid");
        TABLES.put("event_journal", "SELECT event_id, ce_type, topic, partition_no, record_offset, record_key, aggregate_id, outcome, "
                + "event_time FROM event_journal WHERE topic <> 'continuity.schedule-decisions' ORDER BY event_id");
        TABLES.put("broadcast_schedule_day", "SELECT id, channel_id, broadcast_day, version, plan_lineage, seed, seed_generation, "
                + "day_start_utc, day_end_utc, replaces_from_utc, decisions::text FROM broadcast_schedule_day ORDER BY id");
        TABLES.put("broadcast_playlog_event", "SELECT uuid, channel_id, schedule_day_id, asset_uuid, kind, start_utc, end_utc, broadcast_day, "
                + "offset_ms, assignment_id, plan_id, title, fallback, is_frozen, is_overridden, override_id FROM broadcast_playlog_event "
                + "ORDER BY schedule_day_id, start_utc");
        TABLES.put("as_run_log", "SELECT * FROM as_run_log ORDER BY id");
        TABLES.put("rejected_event", "SELECT topic, partition_no, record_offset, record_key, event_id, ce_type, reason_code, "
                + "reason_field, reason_detail, headers::text, payload FROM rejected_event ORDER BY topic, partition_no, record_offset");
    }

    private ProjectionSnapshot() {
    }

    public static Map<String, List<Map<String, Object>>> of(Db db) {
        Map<String, List<Map<String, Object>>> snapshot = new LinkedHashMap<>();
        TABLES.forEach((table, sql) -> snapshot.put(table, db.rows(sql).stream().map(ProjectionSnapshot::comparable).toList()));
        return snapshot;
    }

    private static Map<String, Object> comparable(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, v instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : v == null ? null : v.toString()));
        return out;
    }
}
