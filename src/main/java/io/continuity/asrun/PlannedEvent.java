package io.continuity.asrun;

import java.time.Instant;
import java.util.UUID;

import io.continuity.resolver.core.EventKind;

/** A playlog event of a current ScheduleDay version, as reconciliation sees it. */
record PlannedEvent(UUID uuid, UUID channelId, UUID assetUuid, EventKind kind, Instant start, Instant end, String broadcastDay) {

    /** Gaps are slates, not content: they are never judged. */
    boolean judged() {
        return kind != EventKind.GAP;
    }
}
