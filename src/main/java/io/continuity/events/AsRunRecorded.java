package io.continuity.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code continuity.asrun.recorded.v1}: what a ChannelManager actually aired. Immutable once recorded. */
public record AsRunRecorded(
        @NotNull UUID asrunId,
        @NotNull UUID channelId,
        UUID playlogEventUuid,
        @NotNull UUID assetUuid,
        @NotNull Instant actualStartUtc,
        @NotNull Instant actualEndUtc,
        @NotNull @Pattern(regexp = "AIRED|TRUNCATED|SHORT|SKIPPED|SUBSTITUTED|ERROR",
                message = "must be one of AIRED, TRUNCATED, SHORT, SKIPPED, SUBSTITUTED, ERROR") String status,
        @Size(max = 2000) String reason,
        Long expectedVersion) implements AsRunEvent {
}
