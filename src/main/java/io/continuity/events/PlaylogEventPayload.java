package io.continuity.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.continuity.resolver.core.EventKind;

/** One BroadcastPlaylogEvent as carried by {@link DayPublished} and {@link OverrideApplied}. */
public record PlaylogEventPayload(
        UUID uuid,
        UUID assetUuid,
        EventKind kind,
        Instant startUtc,
        Instant endUtc,
        long offsetMs,
        UUID assignmentId,
        UUID planId,
        String title,
        List<UUID> fallback) {
}
