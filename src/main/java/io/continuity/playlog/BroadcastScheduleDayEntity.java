package io.continuity.playlog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One version of a channel's broadcast day. Exactly one version per (channel, day) is current; older ones are kept for
 * audit and "as of" queries. Which one is current is {@link CurrentSchedule}'s to answer.
 */
@Entity
@Table(name = "broadcast_schedule_day")
public class BroadcastScheduleDayEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "channel_id")
    public UUID channelId;
    @Column(name = "broadcast_day")
    public LocalDate broadcastDay;
    public int version;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "plan_lineage")
    public List<UUID> planLineage;
    public long seed;
    @Column(name = "seed_generation")
    public int seedGeneration;
    @Column(name = "day_start_utc")
    public Instant dayStartUtc;
    @Column(name = "day_end_utc")
    public Instant dayEndUtc;
    @Column(name = "replaces_from_utc")
    public Instant replacesFromUtc;
    @JdbcTypeCode(SqlTypes.JSON)
    public String decisions;
    /** Why this version was made: the input events and time-driven causes behind it, e.g. {@code "plan:<ce_id>"}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String causes;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "superseded_at")
    public Instant supersededAt;
}
