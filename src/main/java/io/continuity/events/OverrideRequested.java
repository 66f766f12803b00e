package io.continuity.events;

import java.time.Instant;
import java.util.UUID;

import io.continuity.resolver.core.OverrideAction;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code continuity.override.requested.v1}: a last-minute change to the playlog. */
public record OverrideRequested(
        @NotNull UUID overrideId,
        @NotNull UUID channelId,
        @NotNull OverrideAction action,
        UUID targetEventUuid,
        UUID assetUuid,
        Instant startUtc,
        Instant endUtc,
        OverrideAction.Resume resume,
        @NotBlank @Size(max = 2000) String reason,
        @NotBlank @Size(max = 200) String requestedBy,
        Long expectedVersion) implements OverrideCommand {
}
