package io.continuity.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** {@code continuity.alert.raised.v1}: something an operator should know (coverage, gaps, scarcity, as-run). */
public record AlertRaised(
        UUID alertId,
        UUID channelId,
        String kind,
        String severity,
        LocalDate broadcastDay,
        Instant atUtc,
        String message,
        Map<String, Object> details) implements AlertOutput {
}
