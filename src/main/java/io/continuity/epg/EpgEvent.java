package io.continuity.epg;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.continuity.resolver.core.EventKind;

/**
 * The part of a BroadcastPlaylogEvent (of a current ScheduleDay version) that the guide needs: what aired when,
 * from which point of the asset.
 *
 * @param uuid      the playlog event's uuid; the first one of a programme becomes its {@code programme_id}
 * @param assetUuid null only for gaps
 * @param offsetMs  start point inside the asset, so a part that continues an earlier part can be recognised
 * @param title     the title stored on the playlog event, used when the catalog has no metadata for the asset
 */
public record EpgEvent(UUID uuid, UUID assetUuid, EventKind kind, Instant start, Instant end, long offsetMs, String title) {

    public EpgEvent {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    Duration duration() {
        return Duration.between(start, end);
    }
}
