package io.continuity.playlog;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.continuity.events.PlaylogEventPayload;
import io.continuity.resolver.core.EventKind;
import io.continuity.resolver.core.ResolvedEvent;

/** The one mapping between resolved events, stored playlog rows and the wire payload. */
public final class PlaylogMapping {

    private PlaylogMapping() {
    }

    /** A new row of {@code day} for a resolved event. */
    public static BroadcastPlaylogEventEntity toEntity(ResolvedEvent e, BroadcastScheduleDayEntity day, boolean frozen, UUID overrideId,
            Instant now) {
        BroadcastPlaylogEventEntity row = new BroadcastPlaylogEventEntity();
        row.uuid = e.uuid();
        row.channelId = day.channelId;
        row.scheduleDayId = day.id;
        row.assetUuid = e.assetUuid();
        row.kind = e.kind().name().toLowerCase(Locale.ROOT);
        row.startUtc = e.start();
        row.endUtc = e.end();
        row.broadcastDay = day.broadcastDay.toString();
        row.offsetMs = e.offsetMs();
        row.assignmentId = e.assignmentId();
        row.planId = e.planId();
        row.title = e.title();
        row.fallback = e.fallback();
        row.frozen = frozen;
        row.overrideId = overrideId;
        row.createdAt = now;
        return row;
    }

    public static ResolvedEvent toResolved(BroadcastPlaylogEventEntity e) {
        return new ResolvedEvent(e.uuid, e.assetUuid, kind(e), e.startUtc, e.endUtc,
                e.offsetMs, e.assignmentId, e.planId, e.title, e.fallback == null ? List.of() : e.fallback);
    }

    /** The kind a row keeps as text ({@code "program"}, {@code "gap"}, ...). */
    public static EventKind kind(BroadcastPlaylogEventEntity e) {
        return EventKind.valueOf(e.kind.toUpperCase(Locale.ROOT));
    }

    public static PlaylogEventPayload toPayload(ResolvedEvent e) {
        return new PlaylogEventPayload(e.uuid(), e.assetUuid(), e.kind(), e.start(), e.end(), e.offsetMs(),
                e.assignmentId(), e.planId(), e.title(), e.fallback());
    }
}
