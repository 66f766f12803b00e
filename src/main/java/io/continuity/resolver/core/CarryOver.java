package io.continuity.resolver.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Both ends of a carry-over (DESIGN §2 "Broadcast day and schedule-time"), for one day's resolution. Every
 * ScheduleDay covers exactly {@code [dayStart, dayEnd)}; an assignment running past schedule-time 24:00 plays
 * across the day end, and the part after it airs at the start of the next day and is published with that day.
 * <ul>
 *   <li>Carrying in: the previous day's carry-out is placed at the day start (after the frozen prefix, which wins
 *       where both cover time) and the day's own assignments resume where it ends; a decision names each
 *       assignment window that was cut.</li>
 *   <li>Carrying out: the events past the day end are explained; when a frozen prefix already reaches the day end
 *       with the first part of an item split there, the rest of that item is continued, as the unfrozen
 *       resolution would have made it (same uuid).</li>
 * </ul>
 */
final class CarryOver {

    private final DayContext day;
    private final DayTimeline timeline;

    CarryOver(DayContext day, DayTimeline timeline) {
        this.day = day;
        this.timeline = timeline;
    }

    /**
     * Places the carried events that start at or after the cursor (the end of the frozen prefix, else the day
     * start); a hole between the frozen prefix and the next carried event is padded with filler.
     */
    void keep(List<ResolvedEvent> carryIn) {
        if (carryIn.isEmpty()) {
            return;
        }
        List<ResolvedEvent> sorted = new ArrayList<>(carryIn);
        sorted.sort(Comparator.comparing(ResolvedEvent::start));
        Instant carryEnd = sorted.get(sorted.size() - 1).end();
        if (carryEnd.isAfter(day.dayEnd())) {
            throw new IllegalArgumentException("carried-over events end at " + carryEnd + ", after the day end "
                    + day.dayEnd());
        }
        Instant from = timeline.cursor();
        List<ResolvedEvent> kept = sorted.stream().filter(e -> !e.start().isBefore(from)).toList();
        if (kept.isEmpty()) {
            day.log().info(Decision.Kind.CARRY_OVER, from, null, null, "the frozen prefix already covers the"
                    + " carry-over from broadcast day " + previousDay() + " (up to " + day.local(carryEnd) + ")");
            return;
        }
        ResolvedEvent first = kept.get(0);
        if (first.start().isAfter(from) && from.isAfter(day.dayStart())) {
            new FillerPool(day, timeline).pad(first.start(), null, null, "between the frozen prefix and the"
                    + " carry-over from broadcast day " + previousDay());
        }
        kept.forEach(timeline::carry);
        day.log().info(Decision.Kind.CARRY_OVER, first.start(), first.assignmentId(), null, kept.size()
                + " event(s) carried over from broadcast day " + previousDay() + " air from "
                + day.local(first.start()) + " to " + day.local(carryEnd) + ": an assignment of that day runs past"
                + " its end");
    }

    /** One decision per assignment window of the day that the carry-over takes (all of it, or its start). */
    void noteCuts(Layering.Layout layout, List<ResolvedEvent> carryIn) {
        Instant carryEnd = carryIn.stream().map(ResolvedEvent::end).max(Comparator.naturalOrder()).orElse(null);
        if (carryEnd == null) {
            return;
        }
        for (Layering.Slot slot : layout.slots()) {
            Instant start = BroadcastDays.atScheduleMinute(day.channel(), day.day(), slot.startMinute());
            Instant end = BroadcastDays.atScheduleMinute(day.channel(), day.day(), slot.endMinute());
            if (!start.isBefore(carryEnd)) {
                return;
            }
            if (slot.assignment() == null || !end.isAfter(start)) {
                continue;
            }
            String name = "assignment " + Layering.span(slot.assignment().startMinute(),
                    slot.assignment().endMinute()) + " of plan '" + slot.plan().name() + "'";
            String why = "the carry-over from broadcast day " + previousDay() + " airs until " + day.local(carryEnd);
            String message = end.isAfter(carryEnd)
                    ? name + " is cut from " + day.local(start) + " to " + day.local(carryEnd) + ": " + why
                            + "; the assignment resumes there"
                    : name + " is cut from " + day.local(start) + " to " + day.local(end) + ", all of its window: "
                            + why;
            day.log().info(Decision.Kind.CARRY_OVER, start, slot.assignment().id(), null, message);
        }
    }

    /**
     * When the frozen prefix reaches the day end and its last event is the first part of an item of the spanning
     * assignment split there, appends the rest of that item, so the carry-out continues it.
     */
    void continueFrozenItem(Layering.Layout layout, List<ResolvedEvent> frozenPrefix) {
        Layering.Slot last = layout.slots().get(layout.slots().size() - 1);
        if (frozenPrefix.isEmpty() || !timeline.cursor().equals(day.dayEnd())
                || last.endMinute() <= Layering.DAY_MINUTES) {
            return;
        }
        ResolvedEvent item = frozenPrefix.stream().max(Comparator.comparing(ResolvedEvent::start)).orElseThrow();
        if (item.assetUuid() == null || !last.assignment().id().equals(item.assignmentId())
                || (item.kind() != EventKind.PROGRAM && item.kind() != EventKind.FALLBACK)) {
            return;
        }
        long restMs = day.catalog().asset(item.assetUuid()).filter(CatalogAsset::eligible)
                .map(a -> a.durationMs() - item.offsetMs() - item.duration().toMillis()).orElse(0L);
        Instant end = day.dayEnd().plusMillis(restMs);
        if (restMs <= 0 || end.isAfter(BroadcastDays.atScheduleMinute(day.channel(), day.day(), last.endMinute()))) {
            return;
        }
        timeline.continueAfterDayEnd(item, end);
        day.log().info(Decision.Kind.CARRY_OVER, day.dayEnd(), item.assignmentId(), item.assetUuid(), "the rest of "
                + item.title() + " (" + DayContext.length(restMs) + ") continues past the day end after the frozen"
                + " prefix");
    }

    /** Explains the carry-out, if any. */
    void noteCarryOut(Layering.Layout layout, List<ResolvedEvent> carryOut) {
        if (carryOut.isEmpty()) {
            return;
        }
        AssignmentSpec assignment = layout.slots().get(layout.slots().size() - 1).assignment();
        Instant end = carryOut.get(carryOut.size() - 1).end();
        day.log().info(Decision.Kind.CARRY_OVER, day.dayEnd(), assignment.id(), null, "assignment "
                + Layering.span(assignment.startMinute(), assignment.endMinute()) + " runs past the day end: "
                + carryOut.size() + " event(s) from " + day.local(day.dayEnd()) + " to " + day.local(end)
                + " are carried over to broadcast day " + day.day().plusDays(1) + " and published with it");
    }

    private LocalDate previousDay() {
        return day.day().minusDays(1);
    }
}
