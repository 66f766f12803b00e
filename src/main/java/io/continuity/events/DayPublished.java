package io.continuity.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code continuity.playlog.day-published.v1}: a whole ScheduleDay version with its events. It replaces the previous
 * version from {@code replaces_from_utc} (its first unfrozen event) on.
 */
public record DayPublished(
        UUID channelId,
        LocalDate broadcastDay,
        UUID scheduleDayId,
        int version,
        Instant dayStartUtc,
        Instant dayEndUtc,
        Instant replacesFromUtc,
        List<PlaylogEventPayload> events) implements PlaylogOutput {
}
