package io.continuity.resolver.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One BroadcastPlaylogEvent of a resolved day: exact UTC start and end, what plays and where it came from.
 *
 * @param uuid         deterministic: the same inputs give the same uuid (see {@link EventIds})
 * @param assetUuid    null only for {@link EventKind#GAP}
 * @param offsetMs     start point inside the asset
 * @param assignmentId source assignment, or null for unassigned time and frozen events without one
 * @param planId       source plan, or null
 * @param fallback     alternatives a ChannelManager may play instead: same assignment first, then channel filler
 */
public record ResolvedEvent(UUID uuid, UUID assetUuid, EventKind kind, Instant start, Instant end, long offsetMs,
                            UUID assignmentId, UUID planId, String title, List<UUID> fallback) {

    public ResolvedEvent {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(kind, "kind");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("event must end after it starts: " + start + " .. " + end);
        }
        if ((assetUuid == null) != (kind == EventKind.GAP)) {
            throw new IllegalArgumentException("only gap events have no asset: " + kind);
        }
        fallback = fallback == null ? List.of() : List.copyOf(fallback);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
