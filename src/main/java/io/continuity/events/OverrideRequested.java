package io.continuity.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code continuity.override.requested.v1}: a last-minute change to the playlog. */
public record OverrideRequested(
        @NotNull UUID overrideId,
        @NotNull UUID channelId,
        @NotNull @Pattern(regexp = "REPLACE|INSERT|RETIME|CANCEL", message = "must be one of REPLACE, INSERT, RETIME, CANCEL")
        String action,
        UUID targetEventUuid,
        UUID assetUuid,
        Instant startUtc,
        Instant endUtc,
        @Pattern(regexp = "JOIN_IN_PROGRESS|NEXT_EVENT", message = "must be JOIN_IN_PROGRESS or NEXT_EVENT") String resume,
        @NotBlank @Size(max = 2000) String reason,
        @NotBlank @Size(max = 200) String requestedBy,
        Long expectedVersion) implements OverrideCommand {
}
