package io.continuity.asrun;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The JSON shapes of the as-run and reconciliation queries (snake_case on the wire). */
public final class AsRunViews {

    private AsRunViews() {
    }

    /** One as-run entry as the ChannelManager reported it. */
    public record AsRunView(UUID asrunId, UUID channelId, UUID playlogEventUuid, UUID assetUuid, Instant actualStartUtc,
            Instant actualEndUtc, long durationMs, String status, String reason, Instant recordedAt) {

        static AsRunView of(AsRunLogEntryEntity e) {
            return new AsRunView(e.id, e.channelId, e.playlogEventUuid, e.assetUuid, e.actualStartUtc, e.actualEndUtc,
                    Duration.between(e.actualStartUtc, e.actualEndUtc).toMillis(), e.status, e.reason, e.recordedAt);
        }
    }

    /**
     * One reconciliation outcome. {@code delta_ms} is actual minus planned: the start for OK, LATE_START and SUBSTITUTED,
     * the end for EARLY_END; null for MISSING and EXTRA.
     */
    public record ReconciliationView(String outcome, UUID playlogEventUuid, UUID asrunId, String broadcastDay, UUID plannedAssetUuid,
            UUID airedAssetUuid, Instant plannedStartUtc, Instant plannedEndUtc, Instant actualStartUtc, Instant actualEndUtc, Long deltaMs,
            String detail, Instant checkedAt) {

        static ReconciliationView of(ReconciliationResultEntity r, UUID plannedAssetUuid, UUID airedAssetUuid) {
            return new ReconciliationView(r.outcome, r.playlogEventUuid, r.asRunId, r.broadcastDay, plannedAssetUuid, airedAssetUuid,
                    r.plannedStartUtc, r.plannedEndUtc, r.actualStartUtc, r.actualEndUtc, r.deltaMs, r.detail, r.checkedAt);
        }
    }
}
