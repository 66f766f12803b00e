package io.continuity.resolver.core;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An applied PlaylogOverride as an input of resolution: everything needed to apply it again to any later resolution
 * of its day, fixed when it was first applied (the catalog or the plans may change afterwards; the override does not).
 *
 * @param asset       what airs (REPLACE, INSERT; RETIME: the target's asset); null for CANCEL
 * @param airStart    where the asset starts (REPLACE: the target's start; INSERT, RETIME: the requested start)
 * @param airEnd      where the asset's window ends (REPLACE: the target's end, the asset may end earlier)
 * @param target      the event named by REPLACE, CANCEL and RETIME, with its window when the override was applied
 */
public record OverrideSpec(UUID id, OverrideAction action, OverrideAction.Resume resume, Asset asset, Instant airStart, Instant airEnd,
                           Target target) {

    /** An asset as the override airs it. */
    public record Asset(UUID uuid, String title, long durationMs) {
    }

    /** The event an override named and the window it held. */
    public record Target(UUID eventUuid, Instant start, Instant end, UUID assetUuid, String title, UUID assignmentId, UUID planId) {
    }

    public OverrideSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        resume = resume == null ? OverrideAction.Resume.NEXT_EVENT : resume;
        if (action != OverrideAction.INSERT && target == null) {
            throw new IllegalArgumentException(action + " needs a target");
        }
        if (action != OverrideAction.CANCEL && (asset == null || airStart == null || airEnd == null || !airEnd.isAfter(airStart))) {
            throw new IllegalArgumentException(action + " needs an asset and a window");
        }
    }
}
