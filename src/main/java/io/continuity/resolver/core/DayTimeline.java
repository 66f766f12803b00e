package io.continuity.resolver.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The growing list of events of one day. Every event starts exactly where the previous one ended (the cursor),
 * which is what makes coverage exact by construction; every asset placed is also recorded in the day's live
 * history so later choices the same day see it.
 */
final class DayTimeline {

    private final ChannelSpec channel;
    private final LocalDate day;
    private final int seedGeneration;
    private final List<ResolvedEvent> events = new ArrayList<>();
    private final InMemoryPlayHistory today = InMemoryPlayHistory.empty();
    private final PlayHistory history;
    private Instant cursor;

    DayTimeline(ChannelSpec channel, LocalDate day, Instant dayStart, int seedGeneration, PlayHistory before) {
        this.channel = channel;
        this.day = day;
        this.seedGeneration = seedGeneration;
        this.cursor = dayStart;
        this.history = new StackedPlayHistory(before, today);
    }

    /** Where the next event starts. */
    Instant cursor() {
        return cursor;
    }

    /** The request's history plus everything placed so far today (a live view). */
    PlayHistory history() {
        return history;
    }

    List<ResolvedEvent> events() {
        return List.copyOf(events);
    }

    /** Keeps an event from a previous version unchanged (frozen prefix). */
    void keep(ResolvedEvent frozen) {
        requireAtCursor(frozen.start());
        add(frozen);
    }

    /** Appends an asset event of {@code airMs} at the cursor. */
    ResolvedEvent append(EventKind kind, CatalogAsset asset, long airMs, long offsetMs, UUID assignmentId,
                         UUID planId, List<UUID> fallback) {
        Instant end = cursor.plusMillis(airMs);
        UUID uuid = EventIds.eventUuid(channel.id(), day, cursor, asset.uuid(), kind, seedGeneration);
        ResolvedEvent event = new ResolvedEvent(uuid, asset.uuid(), kind, cursor, end, offsetMs, assignmentId,
                planId, asset.displayTitle(), fallback);
        add(event);
        return event;
    }

    /** Appends a gap (slate) from the cursor to {@code end}. */
    ResolvedEvent appendGap(Instant end, UUID assignmentId, UUID planId) {
        UUID uuid = EventIds.eventUuid(channel.id(), day, cursor, null, EventKind.GAP, seedGeneration);
        ResolvedEvent event = new ResolvedEvent(uuid, null, EventKind.GAP, cursor, end, 0, assignmentId, planId,
                "Slate", List.of());
        add(event);
        return event;
    }

    private void add(ResolvedEvent event) {
        events.add(event);
        if (event.assetUuid() != null) {
            today.record(event.assetUuid(), event.start());
        }
        cursor = event.end();
    }

    private void requireAtCursor(Instant start) {
        if (!start.equals(cursor)) {
            throw new IllegalArgumentException("frozen events must be contiguous from the day start: expected "
                    + cursor + " but an event starts at " + start);
        }
    }
}
