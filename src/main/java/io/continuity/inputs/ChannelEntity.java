package io.continuity.inputs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A linear channel: its zone, grid and programming-day start, filler pool and default programming. */
@Entity
@Table(name = "channel")
public class ChannelEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String slug;
    public String title;
    public String timezone;
    @Column(name = "grid_block_minutes")
    public int gridBlockMinutes;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "block_start_offsets_minutes")
    public List<Integer> blockStartOffsetsMinutes;
    @Column(name = "programming_day_start")
    public String programmingDayStart;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "filler_rule")
    public String fillerRule;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "default_programming")
    public String defaultProgramming;
    /** The channel this one is a time-shifted copy of, or null for a channel with plans of its own. */
    @Column(name = "time_shift_source_id")
    public UUID timeShiftSourceId;
    /** How much later a time-shifted channel airs its source's events; null when {@link #timeShiftSourceId} is. */
    @Column(name = "time_shift_minutes")
    public Integer timeShiftMinutes;
    @Column(name = "is_retired")
    public boolean retired;
    @Column(name = "seed_generation")
    public int seedGeneration;
    @Column(name = "playlog_version")
    public long playlogVersion;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Whether the channel is a time-shifted copy of another (no plans, no overrides of its own). */
    public boolean isTimeShifted() {
        return timeShiftSourceId != null;
    }

    /** The live channels that are time-shifted copies of {@code sourceId}. */
    public static List<ChannelEntity> timeShiftedCopiesOf(UUID sourceId) {
        return list("timeShiftSourceId = ?1 and retired = false order by id", sourceId);
    }

    public static ChannelEntity bySlug(String slug) {
        return find("slug", slug).firstResult();
    }
}
