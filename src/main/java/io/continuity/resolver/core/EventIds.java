package io.continuity.resolver.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Deterministic identities: event uuids are name-based (type 3) over channel, day, start, asset, kind and seed
 * generation, so re-resolving identical inputs gives identical uuids; the day seed is derived the same way.
 */
final class EventIds {

    private EventIds() {
    }

    static UUID eventUuid(UUID channelId, LocalDate day, Instant start, UUID assetUuid, EventKind kind,
                          int seedGeneration) {
        String name = "continuity-event|" + channelId + '|' + day + '|' + start + '|' + assetUuid + '|' + kind
                + '|' + seedGeneration;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static long daySeed(UUID channelId, LocalDate day, int seedGeneration) {
        String name = "continuity-seed|" + channelId + '|' + day + '|' + seedGeneration;
        UUID hash = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(16).putLong(hash.getMostSignificantBits())
                .putLong(hash.getLeastSignificantBits()).getLong(4);
    }
}
