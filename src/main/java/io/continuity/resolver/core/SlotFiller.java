package io.continuity.resolver.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns one layered slot into events, from the timeline cursor to the slot's end instant. Items start on grid
 * boundaries, as many as fit, never overrunning the slot; each is padded with filler to its next boundary, and time
 * in which nothing more fits is filler too. An assignment whose content cannot be resolved at all (missing,
 * ineligible, no candidates) falls back to the channel's default programming, else filler, with a warning;
 * unassigned time does the same.
 */
final class SlotFiller {

    private final DayContext day;
    private final DayTimeline timeline;
    private final FillerPool filler;
    private final ContentSource content;

    SlotFiller(DayContext day, DayTimeline timeline, FillerPool filler, ContentSource content) {
        this.day = day;
        this.timeline = timeline;
        this.filler = filler;
        this.content = content;
    }

    void fill(Layering.Slot slot, Instant end) {
        if (slot.assignment() == null) {
            day.log().warn(Decision.Kind.UNASSIGNED, timeline.cursor(), null, null, "no assignment covers "
                    + "schedule-time " + Layering.span(slot.startMinute(), slot.endMinute()) + " (local "
                    + day.local(timeline.cursor()) + "–" + day.local(end) + ")");
            fillDefault(end, null, null, "in unassigned time");
            return;
        }
        fillAssignment(slot.assignment(), slot.plan().id(), end);
    }

    private void fillAssignment(AssignmentSpec assignment, UUID planId, Instant end) {
        AssignmentPlayer player = content.open(assignment, false);
        if (player.problem() != null) {
            if (!filler.isEmpty()) {
                day.log().warn(Decision.Kind.FALLBACK, timeline.cursor(), assignment.id(), null, player.problem()
                        + "; no alternative in the assignment, so channel filler takes the window (fallback order: alternative, "
                        + "filler, skip, default programming)");
                filler.pad(end, assignment.id(), planId, "in place of unresolvable " + player.source());
                return;
            }
            day.log().warn(Decision.Kind.FALLBACK, timeline.cursor(), assignment.id(), null, player.problem()
                    + "; no alternative and no filler, so default programming takes the window");
            fillDefault(end, assignment.id(), planId, "in place of unresolvable " + player.source());
            return;
        }
        Instant from = timeline.cursor();
        if (play(player, end, EventKind.PROGRAM, assignment.id(), planId) == 0) {
            day.log().info(Decision.Kind.DROPPED, from, assignment.id(), null, "nothing of " + player.source()
                    + " fits the " + DayContext.length(Duration.between(from, end).toMillis()) + " window from "
                    + day.local(from) + "; content is never cut, so the window is filled instead");
        }
    }

    private void fillDefault(Instant end, UUID assignmentId, UUID planId, String context) {
        ContentRef fallback = day.channel().defaultProgramming();
        if (fallback == null) {
            filler.pad(end, assignmentId, planId, context + " (no default programming)");
            return;
        }
        int minutes = (int) Math.max(1, Duration.between(timeline.cursor(), end).toMinutes());
        AssignmentSpec synthetic = new AssignmentSpec(null, null, 0, minutes, fallback.type(), fallback.reference(),
                fallback.rule(), null, PlaybackRules.none());
        AssignmentPlayer player = content.open(synthetic, true);
        if (player.problem() != null) {
            day.log().warn(Decision.Kind.FALLBACK, timeline.cursor(), assignmentId, null, "default programming: "
                    + player.problem() + "; using filler");
            filler.pad(end, assignmentId, planId, context);
            return;
        }
        play(player, end, EventKind.FALLBACK, assignmentId, planId);
    }

    /** Places items of {@code player} up to {@code end}; returns how many. */
    private int play(AssignmentPlayer player, Instant end, EventKind kind, UUID assignmentId, UUID planId) {
        String first = player.source();
        filler.pad(day.grid().nextBoundaryWithin(timeline.cursor(), end), assignmentId, planId,
                () -> "before the first grid boundary of " + first);
        int placed = 0;
        while (timeline.cursor().isBefore(end)) {
            Instant start = timeline.cursor();
            Optional<AssignmentPlayer.Pick> pick = player.next(start, Duration.between(start, end).toMillis());
            if (pick.isEmpty()) {
                break;
            }
            AssignmentPlayer.Pick chosen = pick.get();
            Instant blockEnd = day.grid().nextBoundaryWithin(start.plusMillis(chosen.airMs()), end);
            long room = Duration.between(start, blockEnd).toMillis();
            List<UUID> fallback = new ArrayList<>(player.alternatives(chosen, room));
            fallback.addAll(filler.fallbackFillers(room));
            timeline.append(kind, chosen.asset(), chosen.airMs(), chosen.offsetMs(), assignmentId, planId, fallback);
            ZoneId zone = day.channel().zone();
            day.log().info(kind == EventKind.PROGRAM ? Decision.Kind.SELECTED : Decision.Kind.FALLBACK, start,
                    assignmentId, chosen.asset().uuid(), () -> EpisodeOrder.label(chosen.asset()) + " at "
                            + DayContext.local(zone, start) + ": " + chosen.why().get());
            filler.pad(blockEnd, assignmentId, planId, () -> "after " + EpisodeOrder.label(chosen.asset()));
            placed++;
        }
        String source = player.source();
        filler.pad(end, assignmentId, planId, () -> "at the end of " + source + " (nothing more fits)");
        return placed;
    }
}
