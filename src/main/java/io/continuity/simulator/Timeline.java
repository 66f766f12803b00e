package io.continuity.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.continuity.events.DayPublished;
import io.continuity.events.OverrideApplied;
import io.continuity.events.PlaylogEventPayload;

/**
 * A ChannelManager's local copy of one channel's playlog. It applies each ScheduleDay version once (older or repeated
 * versions are ignored), replacing only the part from the version's first unfrozen event on (the whole day when a version
 * in between never arrived), and each override once
 * (by override id), so redelivered or out-of-order records change nothing.
 */
public final class Timeline {

    private final NavigableMap<Instant, PlaylogEventPayload> events = new TreeMap<>();
    private final Map<LocalDate, Integer> dayVersions = new HashMap<>();
    private final Set<UUID> overrides = new HashSet<>();

    /** Returns whether the record changed the timeline. */
    public boolean apply(DayPublished day) {
        Integer known = dayVersions.get(day.broadcastDay());
        if (known != null && known >= day.version()) {
            return false;
        }
        dayVersions.put(day.broadcastDay(), day.version());
        // replaces_from_utc is relative to the version just before; after a gap (a version never delivered, e.g. parked by the
        // outbox relay) the part before it may differ from what this timeline holds, so the whole day is taken
        boolean next = known != null && known == day.version() - 1;
        Instant from = !next || day.replacesFromUtc() == null ? day.dayStartUtc() : day.replacesFromUtc();
        events.subMap(from, true, day.dayEndUtc(), false).clear();
        day.events().stream().filter(e -> !e.startUtc().isBefore(from)).forEach(e -> events.put(e.startUtc(), e));
        return true;
    }

    public boolean apply(OverrideApplied override) {
        if (!overrides.add(override.overrideId())) {
            return false;
        }
        events.values().removeIf(e -> override.supersededEventUuids().contains(e.uuid()));
        override.events().forEach(e -> events.put(e.startUtc(), e));
        return true;
    }

    /** The event that covers {@code instant}. */
    public Optional<PlaylogEventPayload> at(Instant instant) {
        Map.Entry<Instant, PlaylogEventPayload> entry = events.floorEntry(instant);
        return entry == null || !entry.getValue().endUtc().isAfter(instant) ? Optional.empty() : Optional.of(entry.getValue());
    }

    /** Events starting in (after, until], in order. */
    public Iterable<PlaylogEventPayload> startingBetween(Instant after, Instant until) {
        return events.subMap(after, false, until, true).values();
    }

    public int size() {
        return events.size();
    }
}
