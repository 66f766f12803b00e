package io.continuity.inputs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A SchedulePlan: a layer of assignments that applies on the dates its cron and range match. */
@Entity
@Table(name = "schedule_plan")
public class SchedulePlanEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "channel_id")
    public UUID channelId;
    public String name;
    public int priority;
    @Column(name = "cron_expression")
    public String cronExpression;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "is_active")
    public boolean active;
    @Column(name = "created_sequence")
    public long createdSequence;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<SchedulePlanEntity> ofChannel(UUID channelId) {
        return list("channelId = ?1 order by id", channelId);
    }
}
