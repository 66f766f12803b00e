package io.continuity.resolver.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The resolver's output for one channel and broadcast day (the content of a BroadcastScheduleDay version):
 * events covering {@code [dayStart, dayEnd)} exactly, the decisions that explain them, and the plans used.
 *
 * <p>An assignment that runs past the day end (schedule-time past 24:00) plays on: the part after {@code dayEnd}
 * is the {@link #carryOut()}. It is not part of this day; it is published with the next day, as that day's first
 * events, when the next day is resolved with it as {@link ResolveRequest#carryIn()}. An item across the day end is
 * split there into two events of the same asset; the second, first of the carry-out, starts at {@code dayEnd} with
 * {@code offsetMs} advanced by the part already aired, so playback continues without a hole, overlap or jump.
 *
 * @param seed        the day seed every random choice derives from
 * @param planLineage plans that supplied at least one window, strongest first
 * @param carryOut    events from {@code dayEnd} on, contiguous, already split at {@code dayEnd}; empty when no
 *                    assignment runs past the day end
 */
public record ResolvedDay(UUID channelId, LocalDate broadcastDay, Instant dayStart, Instant dayEnd, long seed,
                          List<ResolvedEvent> events, List<Decision> decisions, List<UUID> planLineage,
                          List<ResolvedEvent> carryOut) {

    public ResolvedDay {
        events = List.copyOf(events);
        decisions = decisions instanceof DecisionLog.Decisions written ? written : List.copyOf(decisions);
        planLineage = List.copyOf(planLineage);
        carryOut = carryOut == null ? List.of() : List.copyOf(carryOut);
    }

    /** A day without carry-out. */
    public ResolvedDay(UUID channelId, LocalDate broadcastDay, Instant dayStart, Instant dayEnd, long seed,
                       List<ResolvedEvent> events, List<Decision> decisions, List<UUID> planLineage) {
        this(channelId, broadcastDay, dayStart, dayEnd, seed, events, decisions, planLineage, List.of());
    }

    public List<Decision> warnings() {
        return decisions.stream().filter(Decision::isWarning).toList();
    }
}
