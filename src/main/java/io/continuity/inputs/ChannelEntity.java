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

    public static ChannelEntity bySlug(String slug) {
        return find("slug", slug).firstResult();
    }
}
