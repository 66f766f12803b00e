package io.continuity.override;

import java.time.Instant;
import java.util.UUID;

import io.continuity.resolver.core.OverrideAction;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A PlaylogOverride as requested, stored before its effect, with its outcome. */
@Entity
@Table(name = "playlog_override")
public class PlaylogOverrideEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "channel_id")
    public UUID channelId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public OverrideAction action;
    @Column(name = "target_event_uuid")
    public UUID targetEventUuid;
    @Column(name = "asset_uuid")
    public UUID assetUuid;
    @Column(name = "start_utc")
    public Instant startUtc;
    @Column(name = "end_utc")
    public Instant endUtc;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public OverrideAction.Resume resume;
    public String reason;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "expected_version")
    public Long expectedVersion;
    public String status;
    @Column(name = "rejection_reason")
    public String rejectionReason;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "applied_at")
    public Instant appliedAt;
    @Column(name = "broadcast_day")
    public java.time.LocalDate broadcastDay;
    @Column(name = "target_start_utc")
    public Instant targetStartUtc;
    @Column(name = "target_end_utc")
    public Instant targetEndUtc;
    @Column(name = "target_asset_uuid")
    public UUID targetAssetUuid;
    @Column(name = "target_title")
    public String targetTitle;
    @Column(name = "target_assignment_id")
    public UUID targetAssignmentId;
    @Column(name = "target_plan_id")
    public UUID targetPlanId;
    @Column(name = "asset_title")
    public String assetTitle;
    @Column(name = "asset_duration_ms")
    public Long assetDurationMs;
    @Column(name = "effective_end_utc")
    public Instant effectiveEndUtc;
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(name = "superseded_event_uuids")
    public java.util.List<UUID> supersededEventUuids = java.util.List.of();
    @Column(name = "applied_version")
    public Integer appliedVersion;
    @Column(name = "sequence_no", insertable = false, updatable = false)
    public Long sequenceNo;

    /** The request as it was made (for an override kept while the instance caught up with the log). */
    public io.continuity.events.OverrideRequested asRequest() {
        return new io.continuity.events.OverrideRequested(id, channelId, action, targetEventUuid, assetUuid, startUtc, endUtc, resume,
                reason, requestedBy, expectedVersion);
    }
}
