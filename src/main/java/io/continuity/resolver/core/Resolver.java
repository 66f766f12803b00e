package io.continuity.resolver.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The resolver core: given a channel, its plans, the catalog and the play history, it returns the exact playout
 * of one broadcast day. Pure and deterministic: the same request always gives an equal {@link ResolvedDay}
 * (same events, uuids and decisions). Stateless and thread-safe.
 *
 * <p>Carry-over (DESIGN §2 "Broadcast day and schedule-time"): every day covers exactly {@code [dayStart,
 * dayEnd)}. An assignment running past schedule-time 24:00 plays across the day end; the part after it is the
 * day's {@link ResolvedDay#carryOut()}, which airs at the start of the next day and is published with that day, as
 * its first events ({@link ResolveRequest#carryIn()}). The next day's own assignments resume where the carry-over
 * ends, and its decisions say what was cut.
 */
public final class Resolver {

    /** Resolves one channel-day. */
    public ResolvedDay resolve(ResolveRequest request) {
        return new DayResolution(request).run();
    }

    /**
     * Resolves {@code days} consecutive broadcast days starting at the request's day; each later day sees the
     * earlier days' output as history (sequential positions and rotations carry over) and the previous day's
     * carry-out as its carry-in. The frozen prefix and carry-in of the request, if any, apply to the first day only.
     */
    public List<ResolvedDay> resolveDays(ResolveRequest first, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1: " + days);
        }
        List<ResolvedDay> result = new ArrayList<>();
        // one growing history holds what the days resolved so far placed, read together with the request's history:
        // the same answers as a layer per day (history.plus(day)) under a layer for the day being resolved, without
        // the layers. Each day records what it places as it goes; a frozen event that did not air is kept but not
        // recorded while the first day is resolved, and the next days count it, so that day's events are recorded again.
        InMemoryPlayHistory resolved = InMemoryPlayHistory.empty();
        PlayHistory history = first.history() instanceof InMemoryPlayHistory given && given.isEmpty() ? resolved
                : new StackedPlayHistory(first.history(), resolved);
        ResolvedDay current = new DayResolution(first, resolved, history).run();
        result.add(current);
        for (int i = 1; i < days; i++) {
            if (i == 1 && !first.notAired().isEmpty()) {
                resolved.recordAll(current);
            }
            ResolveRequest next = first.forDay(first.broadcastDay().plusDays(i), history).withCarryIn(current.carryOut());
            current = new DayResolution(next, resolved, history).run();
            result.add(current);
        }
        return result;
    }
}
