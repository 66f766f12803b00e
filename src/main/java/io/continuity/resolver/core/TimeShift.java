package io.continuity.resolver.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A time-shifted channel's day (a "+1" channel): the source channel's events, each {@code offset} later, cut to the
 * mirror's own broadcast day. The mirror has its own zone and programming-day start, so one of its days usually takes
 * the end of one source day and the start of the next; an item across either end of the mirror's day is split there
 * as the resolver splits a carry-over (the second part starts with {@code offsetMs} advanced by what already aired),
 * and time the source has no schedule for (a day not resolved yet) is a gap. The events therefore cover the day
 * exactly, like every resolved day, and their uuids follow {@link EventIds} for the mirror's own channel and day.
 */
public final class TimeShift {

    private TimeShift() {
    }

    /**
     * The mirror's day.
     *
     * @param source the source's events around {@code [dayStart - offset, dayEnd - offset)}, in start order, without
     *               overlaps (the effective events of the source days that window touches)
     */
    public static ResolvedDay day(ChannelSpec mirror, LocalDate day, int seedGeneration, Duration offset, String sourceSlug,
            List<ResolvedEvent> source) {
        Instant dayStart = BroadcastDays.dayStart(mirror, day);
        Instant dayEnd = BroadcastDays.dayEnd(mirror, day);
        EventIds.ForDay ids = EventIds.forDay(mirror.id(), day);
        List<ResolvedEvent> events = new ArrayList<>();
        DecisionLog decisions = new DecisionLog();
        decisions.info(Decision.Kind.SELECTED, dayStart, null, null,
                "time-shifted copy of " + sourceSlug + ", " + offset.toMinutes() + " minutes later");
        Instant cursor = dayStart;
        for (ResolvedEvent e : source) {
            Instant start = e.start().plus(offset);
            Instant end = e.end().plus(offset);
            if (!end.isAfter(cursor)) {
                continue;
            }
            if (!start.isBefore(dayEnd)) {
                break;
            }
            if (start.isAfter(cursor)) {
                events.add(gap(ids, seedGeneration, cursor, start));
                decisions.warn(Decision.Kind.GAP, cursor, null, null, "the source " + sourceSlug + " has no schedule for "
                        + cursor.minus(offset) + " .. " + e.start() + " yet");
                cursor = start;
            }
            Instant pieceEnd = end.isAfter(dayEnd) ? dayEnd : end;
            long advanced = e.kind() == EventKind.GAP ? 0 : e.offsetMs() + Duration.between(start, cursor).toMillis();
            ResolvedEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
            if (continues(last, e, cursor, advanced)) {
                // the source split this item at its own day boundary, which is not one of the copy's: one item again
                events.set(events.size() - 1, new ResolvedEvent(last.uuid(), last.assetUuid(), last.kind(), last.start(), pieceEnd,
                        last.offsetMs(), last.assignmentId(), last.planId(), last.title(), last.fallback()));
                cursor = pieceEnd;
                continue;
            }
            events.add(new ResolvedEvent(ids.eventUuid(cursor, e.assetUuid(), e.kind(), seedGeneration), e.assetUuid(), e.kind(), cursor,
                    pieceEnd, advanced, e.assignmentId(), e.planId(), e.title(), e.fallback()));
            cursor = pieceEnd;
        }
        if (cursor.isBefore(dayEnd)) {
            events.add(gap(ids, seedGeneration, cursor, dayEnd));
            decisions.warn(Decision.Kind.GAP, cursor, null, null, "the source " + sourceSlug + " has no schedule from "
                    + cursor.minus(offset) + " yet");
        }
        return new ResolvedDay(mirror.id(), day, dayStart, dayEnd, EventIds.daySeed(mirror.id(), day, seedGeneration), events,
                decisions.decisions(), List.of());
    }

    /** Whether {@code next}, placed at {@code at} from {@code offsetMs}, is the rest of the item {@code last} plays. */
    private static boolean continues(ResolvedEvent last, ResolvedEvent next, Instant at, long offsetMs) {
        return last != null && last.kind() != EventKind.GAP && last.kind() == next.kind() && last.end().equals(at)
                && java.util.Objects.equals(last.assetUuid(), next.assetUuid()) && java.util.Objects.equals(last.assignmentId(), next.assignmentId())
                && last.offsetMs() + last.duration().toMillis() == offsetMs;
    }

    /**
     * The derived day with the frozen events of the current version (those already on air or aired, as the caller's
     * lock end says) kept as they are, and the derived events from where they end; an event across that point is split
     * there like a carry-over, continuing where it was.
     */
    public static ResolvedDay keeping(ResolvedDay derived, List<ResolvedEvent> frozen, int seedGeneration) {
        if (frozen.isEmpty()) {
            return derived;
        }
        EventIds.ForDay ids = EventIds.forDay(derived.channelId(), derived.broadcastDay());
        List<ResolvedEvent> events = new ArrayList<>(frozen);
        events.addAll(clip(derived.events(), frozen.get(frozen.size() - 1).end(), derived.dayEnd(), ids, seedGeneration));
        return new ResolvedDay(derived.channelId(), derived.broadcastDay(), derived.dayStart(), derived.dayEnd(), derived.seed(), events,
                derived.decisions(), derived.planLineage());
    }

    /** The parts of {@code events} inside {@code [from, to)}; an event cut at its start continues where it was. */
    private static List<ResolvedEvent> clip(List<ResolvedEvent> events, Instant from, Instant to, EventIds.ForDay ids, int seedGeneration) {
        List<ResolvedEvent> parts = new ArrayList<>();
        for (ResolvedEvent e : events) {
            if (!e.end().isAfter(from)) {
                continue;
            }
            if (!e.start().isBefore(to)) {
                break;
            }
            Instant start = e.start().isBefore(from) ? from : e.start();
            Instant end = e.end().isAfter(to) ? to : e.end();
            if (start.equals(e.start()) && end.equals(e.end())) {
                parts.add(e);
                continue;
            }
            long advanced = e.kind() == EventKind.GAP ? 0 : e.offsetMs() + Duration.between(e.start(), start).toMillis();
            UUID uuid = start.equals(e.start()) ? e.uuid() : ids.eventUuid(start, e.assetUuid(), e.kind(), seedGeneration);
            parts.add(new ResolvedEvent(uuid, e.assetUuid(), e.kind(), start, end, advanced, e.assignmentId(), e.planId(), e.title(),
                    e.fallback()));
        }
        return parts;
    }

    private static ResolvedEvent gap(EventIds.ForDay ids, int seedGeneration, Instant start, Instant end) {
        UUID uuid = ids.eventUuid(start, null, EventKind.GAP, seedGeneration);
        return new ResolvedEvent(uuid, null, EventKind.GAP, start, end, 0, null, null, "Slate", List.of());
    }
}
