package io.continuity.asrun;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One outcome of reconciliation: a planned event judged against what aired (one row per outcome it earned), or an
 * as-run entry judged EXTRA. Read here; written by {@link ReconciliationStore} with idempotent upserts.
 */
@Entity
@Table(name = "reconciliation_result")
public class ReconciliationResultEntity extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "channel_id")
    public UUID channelId;
    @Column(name = "broadcast_day")
    public String broadcastDay;
    @Column(name = "playlog_event_uuid")
    public UUID playlogEventUuid;
    @Column(name = "as_run_id")
    public UUID asRunId;
    public String outcome;
    @Column(name = "planned_start_utc")
    public Instant plannedStartUtc;
    @Column(name = "planned_end_utc")
    public Instant plannedEndUtc;
    @Column(name = "actual_start_utc")
    public Instant actualStartUtc;
    @Column(name = "actual_end_utc")
    public Instant actualEndUtc;
    @Column(name = "delta_ms")
    public Long deltaMs;
    public String detail;
    @Column(name = "checked_at")
    public Instant checkedAt;
}
