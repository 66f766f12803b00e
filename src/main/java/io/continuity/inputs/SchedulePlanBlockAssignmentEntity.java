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

/** A SchedulePlanBlockAssignment (seed 003): what airs in one window of a plan, and how it is chosen. */
@Entity
@Table(name = "schedule_plan_block_assignments")
public class SchedulePlanBlockAssignmentEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "channel_id")
    public UUID channelId;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "start_time")
    public String startTime;
    @Column(name = "start_minute")
    public int startMinute;
    public int duration;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "content_reference")
    public String contentReference;
    @Column(name = "label_id")
    public UUID labelId;
    @Column(name = "episode_policy")
    public String episodePolicy;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "playback_rules")
    public String playbackRules;
    @Column(name = "operator_intent")
    public String operatorIntent;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public int endMinute() {
        return startMinute + duration;
    }

    public static List<SchedulePlanBlockAssignmentEntity> ofPlan(UUID planId) {
        return list("planId = ?1 order by startMinute, id", planId);
    }

    public static List<SchedulePlanBlockAssignmentEntity> ofChannel(UUID channelId) {
        return list("channelId = ?1 order by planId, startMinute, id", channelId);
    }
}
