package io.continuity.resolver.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The growing list of events of one day. Every event starts exactly where the previous one ended (the cursor),
 * which is what makes coverage exact by construction; every asset placed is also recorded in the day's live
 * history so later choices the same day see it. The last slot may run past the day end (carry-over); {@link #cutAt}
 * then takes that part off.
 */
final class DayTimeline {

    private final int seedGeneration;
    private final EventIds.ForDay ids;
    private final List<ResolvedEvent> events = new ArrayList<>(256);
    private final InMemoryPlayHistory today;
    private final PlayHistory history;
    private Instant cursor;

    DayTimeline(ChannelSpec channel, LocalDate day, Instant dayStart, int seedGeneration, PlayHistory before) {
        this(channel, day, dayStart, seedGeneration, InMemoryPlayHistory.empty(), null, before);
    }

    /**
     * A timeline that records what it places in {@code live}, a history that {@code view} already reads (several days
     * resolved in a row share one), instead of in a history of its own read on top of {@code before}.
     */
    DayTimeline(ChannelSpec channel, LocalDate day, Instant dayStart, int seedGeneration, InMemoryPlayHistory live,
                PlayHistory view) {
        this(channel, day, dayStart, seedGeneration, live, view, null);
    }

    private DayTimeline(ChannelSpec channel, LocalDate day, Instant dayStart, int seedGeneration, InMemoryPlayHistory today,
                        PlayHistory view, PlayHistory before) {
        this.seedGeneration = seedGeneration;
        this.ids = EventIds.forDay(channel.id(), day);
        this.cursor = dayStart;
        this.today = today;
        this.history = view != null ? view : new StackedPlayHistory(before, today);
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

    /** Calls {@code action} with the events placed so far that start at or after {@code from}, the latest first. */
    void forEachSince(Instant from, java.util.function.Consumer<ResolvedEvent> action) {
        for (int i = events.size() - 1; i >= 0 && !events.get(i).start().isBefore(from); i--) {
            action.accept(events.get(i));
        }
    }

    /**
     * Keeps an event from a previous version unchanged (frozen prefix). One that did not air ({@code counted} false:
     * judged MISSING or SUBSTITUTED) stays where it is but is not recorded as played.
     */
    void keep(ResolvedEvent frozen, boolean counted) {
        requireAtCursor(frozen.start(), "frozen events must be contiguous from the day start");
        if (counted) {
            add(frozen);
        } else {
            events.add(frozen);
            cursor = frozen.end();
        }
    }

    /** Keeps an event carried over from the previous day unchanged. */
    void carry(ResolvedEvent carried) {
        requireAtCursor(carried.start(), "carried-over events must be contiguous from the day start or the frozen"
                + " prefix");
        add(carried);
    }

    /**
     * Appends, at the cursor (the day end), the rest of {@code item}: an item that was split at the day end in a
     * previous version, of which only the first part was kept (frozen). The same event as {@link #cutAt} makes.
     */
    void continueAfterDayEnd(ResolvedEvent item, Instant end) {
        add(rest(item, cursor, end, item.offsetMs() + item.duration().toMillis()));
    }

    /**
     * Removes the events past {@code boundary} (the day end) and returns them: the carry-out. An event across the
     * boundary is split into two events of the same asset: the first keeps its uuid and ends at the boundary, the
     * second starts there with the offset advanced by the part already aired and a uuid of its own (same rule as
     * every event: channel, day, start, asset, kind, generation).
     */
    List<ResolvedEvent> cutAt(Instant boundary) {
        List<ResolvedEvent> carried = new ArrayList<>();
        while (!events.isEmpty() && events.get(events.size() - 1).end().isAfter(boundary)) {
            ResolvedEvent last = events.remove(events.size() - 1);
            if (last.start().isBefore(boundary)) {
                events.add(new ResolvedEvent(last.uuid(), last.assetUuid(), last.kind(), last.start(), boundary,
                        last.offsetMs(), last.assignmentId(), last.planId(), last.title(), last.fallback()));
                long aired = last.kind() == EventKind.GAP ? 0 : Duration.between(last.start(), boundary).toMillis();
                carried.add(0, rest(last, boundary, last.end(), last.offsetMs() + aired));
            } else {
                carried.add(0, last);
            }
        }
        if (!carried.isEmpty()) {
            cursor = boundary;
        }
        return carried;
    }

    /** Appends an asset event of {@code airMs} at the cursor. */
    ResolvedEvent append(EventKind kind, CatalogAsset asset, long airMs, long offsetMs, UUID assignmentId,
                         UUID planId, List<UUID> fallback) {
        Instant end = cursor.plusMillis(airMs);
        UUID uuid = ids.eventUuid(cursor, asset.uuid(), kind, seedGeneration);
        ResolvedEvent event = new ResolvedEvent(uuid, asset.uuid(), kind, cursor, end, offsetMs, assignmentId,
                planId, asset.displayTitle(), fallback);
        add(event);
        return event;
    }

    /** Appends a gap (slate) from the cursor to {@code end}. */
    ResolvedEvent appendGap(Instant end, UUID assignmentId, UUID planId) {
        UUID uuid = ids.eventUuid(cursor, null, EventKind.GAP, seedGeneration);
        ResolvedEvent event = new ResolvedEvent(uuid, null, EventKind.GAP, cursor, end, 0, assignmentId, planId,
                "Slate", List.of());
        add(event);
        return event;
    }

    private ResolvedEvent rest(ResolvedEvent item, Instant start, Instant end, long offsetMs) {
        UUID uuid = ids.eventUuid(start, item.assetUuid(), item.kind(), seedGeneration);
        return new ResolvedEvent(uuid, item.assetUuid(), item.kind(), start, end, item.kind() == EventKind.GAP ? 0
                : offsetMs, item.assignmentId(), item.planId(), item.title(), item.fallback());
    }

    private void add(ResolvedEvent event) {
        events.add(event);
        if (event.assetUuid() != null) {
            today.record(event.assetUuid(), event.start());
        }
        cursor = event.end();
    }

    private void requireAtCursor(Instant start, String rule) {
        if (!start.equals(cursor)) {
            throw new IllegalArgumentException(rule + ": expected " + cursor + " but an event starts at " + start);
        }
    }
}
