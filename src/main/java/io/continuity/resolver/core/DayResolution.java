package io.continuity.resolver.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One run of the resolver over one channel and broadcast day: frozen prefix, carry-in, layering, slot by slot
 * filling, then the carry-out (what runs past the day end) taken off. Used once and thrown away; {@link Resolver}
 * is the public entry point.
 */
final class DayResolution {

    private final ResolveRequest request;
    private final DayContext day;
    private final DayTimeline timeline;

    DayResolution(ResolveRequest request) {
        this(request, null, null);
    }

    /**
     * A resolution that records what it places in {@code live}, which {@code history} (the request's history for
     * the days resolved before this one) already reads; with null, in a history of the day's own.
     */
    DayResolution(ResolveRequest request, InMemoryPlayHistory live, PlayHistory history) {
        this.request = request;
        ChannelSpec channel = request.channel();
        LocalDate label = request.broadcastDay();
        Instant start = BroadcastDays.dayStart(channel, label);
        this.timeline = live == null ? new DayTimeline(channel, label, start, request.seedGeneration(), request.history())
                : new DayTimeline(channel, label, start, request.seedGeneration(), live, history);
        this.day = new DayContext(channel, new ChannelGrid(channel), label, start,
                BroadcastDays.dayEnd(channel, label), EventIds.daySeed(channel.id(), label, request.seedGeneration()),
                request.catalog(), timeline.history(), new DecisionLog());
    }

    ResolvedDay run() {
        noteDayLength();
        keepFrozenPrefix();
        Instant frozenEnd = timeline.cursor();
        CarryOver carry = new CarryOver(day, timeline);
        carry.keep(request.carryIn());
        FillerPool filler = new FillerPool(day, timeline);
        resumeAfterKeptEvents(frozenEnd, filler);
        List<PlanSpec> matching = new ArrayList<>(request.plans().stream()
                .filter(plan -> plan.matches(day.day())).toList());
        matching.sort(PlanSpec.PRECEDENCE);
        Layering.Layout layout = Layering.layer(day, matching);
        carry.noteCuts(layout, request.carryIn());
        carry.continueFrozenItem(layout, request.frozenPrefix());
        SlotFiller slots = new SlotFiller(day, timeline, filler, new ContentSource(day));
        for (Layering.Slot slot : layout.slots()) {
            fillSlot(slot, slots);
        }
        filler.pad(day.dayEnd(), null, null, "before the end of the day");
        List<ResolvedEvent> carryOut = timeline.cutAt(day.dayEnd());
        carry.noteCarryOut(layout, carryOut);
        return new ResolvedDay(day.channel().id(), day.day(), day.dayStart(), day.dayEnd(), day.seed(),
                timeline.events(), day.log().decisions(), layout.lineage(), carryOut);
    }

    private void fillSlot(Layering.Slot slot, SlotFiller slots) {
        Instant start = BroadcastDays.atScheduleMinute(day.channel(), day.day(), slot.startMinute());
        Instant end = BroadcastDays.atScheduleMinute(day.channel(), day.day(), slot.endMinute());
        if (!end.isAfter(start)) {
            if (slot.assignment() != null) {
                day.log().info(Decision.Kind.DROPPED, start, slot.assignment().id(), null, "schedule-time "
                        + Layering.span(slot.startMinute(), slot.endMinute()) + " does not exist today (DST gap);"
                        + " the assignment's window is empty");
            }
            return;
        }
        if (end.isAfter(timeline.cursor())) {
            slots.fill(slot, end);
        }
    }

    private void noteDayLength() {
        Duration length = Duration.between(day.dayStart(), day.dayEnd());
        if (!length.equals(Duration.ofHours(24))) {
            day.log().info(Decision.Kind.DAY_LENGTH, day.dayStart(), null, null, "broadcast day " + day.day()
                    + " lasts " + DayContext.length(length.toMillis()) + " because of a DST change; the block"
                    + " containing the change absorbs it");
        }
    }

    private void keepFrozenPrefix() {
        List<ResolvedEvent> frozen = new ArrayList<>(request.frozenPrefix());
        frozen.sort(Comparator.comparing(ResolvedEvent::start));
        for (ResolvedEvent event : frozen) {
            if (event.end().isAfter(day.dayEnd())) {
                throw new IllegalArgumentException("frozen event " + event.uuid() + " ends after the day end "
                        + day.dayEnd());
            }
            timeline.keep(event, !request.notAired().contains(event.uuid()));
        }
    }

    /** After the frozen prefix and the carry-in, resolution resumes at the next grid boundary. */
    private void resumeAfterKeptEvents(Instant frozenEnd, FillerPool filler) {
        Instant kept = timeline.cursor();
        Instant resume = day.grid().nextBoundaryWithin(kept, day.dayEnd());
        if (!request.frozenPrefix().isEmpty()) {
            day.log().info(Decision.Kind.FROZEN, frozenEnd, null, null, "kept " + request.frozenPrefix().size()
                    + " frozen event(s) up to " + day.local(frozenEnd) + "; resolution resumes at the grid boundary "
                    + day.local(resume));
        }
        if (kept.isAfter(frozenEnd) || !request.frozenPrefix().isEmpty()) {
            // the padding belongs to what it follows, as it did when the day was resolved in one go
            List<ResolvedEvent> placed = timeline.events();
            ResolvedEvent last = placed.isEmpty() ? null : placed.get(placed.size() - 1);
            filler.pad(resume, last == null ? null : last.assignmentId(), last == null ? null : last.planId(), kept.isAfter(frozenEnd)
                    ? "between the carry-over and the next grid boundary" : "between the frozen prefix and the next grid boundary");
        }
    }
}
