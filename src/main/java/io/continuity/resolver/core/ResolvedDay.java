package io.continuity.resolver.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The resolver's output for one channel and broadcast day (the content of a BroadcastScheduleDay version):
 * events covering {@code [dayStart, dayEnd)} exactly, the decisions that explain them, and the plans used.
 *
 * @param seed        the day seed every random choice derives from
 * @param planLineage plans that supplied at least one window, strongest first
 */
public record ResolvedDay(UUID channelId, LocalDate broadcastDay, Instant dayStart, Instant dayEnd, long seed,
                          List<ResolvedEvent> events, List<Decision> decisions, List<UUID> planLineage) {

    public ResolvedDay {
        events = List.copyOf(events);
        decisions = List.copyOf(decisions);
        planLineage = List.copyOf(planLineage);
    }

    public List<Decision> warnings() {
        return decisions.stream().filter(Decision::isWarning).toList();
    }
}
