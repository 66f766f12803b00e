package io.continuity.asrun;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** One as-run entry, as reconciliation sees it. */
record AiredEntry(UUID id, UUID channelId, UUID playlogEventUuid, UUID assetUuid, Instant start, Instant end, String status, String reason) {

    private static final Set<String> NOTHING_AIRED = Set.of("SKIPPED", "ERROR");
    private static final Set<String> CUT_SHORT = Set.of("TRUNCATED", "SHORT");

    static AiredEntry of(AsRunLogEntryEntity entry) {
        return new AiredEntry(entry.id, entry.channelId, entry.playlogEventUuid, entry.assetUuid, entry.actualStartUtc, entry.actualEndUtc, entry.status,
                entry.reason);
    }

    /** Whether anything went to air (SKIPPED and ERROR entries report that nothing did). */
    boolean aired() {
        return !NOTHING_AIRED.contains(status);
    }

    boolean cutShort() {
        return CUT_SHORT.contains(status);
    }

    /** "reported SKIPPED (reason)", for details. */
    String reported() {
        return "reported " + status + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
    }
}
