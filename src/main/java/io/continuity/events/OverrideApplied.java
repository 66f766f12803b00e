package io.continuity.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.continuity.resolver.core.OverrideAction;

/** {@code continuity.override.applied.v1}: an override took effect; the events it produced and those it superseded. */
public record OverrideApplied(
        UUID overrideId,
        UUID channelId,
        OverrideAction action,
        String status,
        long version,
        List<UUID> supersededEventUuids,
        List<PlaylogEventPayload> events,
        Instant appliedAt) implements OverrideOutput {
}
