package io.continuity.override;

import java.time.Instant;
import java.util.UUID;

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
    public String action;
    @Column(name = "target_event_uuid")
    public UUID targetEventUuid;
    @Column(name = "asset_uuid")
    public UUID assetUuid;
    @Column(name = "start_utc")
    public Instant startUtc;
    @Column(name = "end_utc")
    public Instant endUtc;
    public String resume;
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
}
