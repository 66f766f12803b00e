package io.continuity.resolver.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The resolver core: given a channel, its plans, the catalog and the play history, it returns the exact playout
 * of one broadcast day. Pure and deterministic: the same request always gives an equal {@link ResolvedDay}
 * (same events, uuids and decisions). Stateless and thread-safe.
 */
public final class Resolver {

    /** Resolves one channel-day. */
    public ResolvedDay resolve(ResolveRequest request) {
        return new DayResolution(request).run();
    }

    /**
     * Resolves {@code days} consecutive broadcast days starting at the request's day; each later day sees the
     * earlier days' output as history (sequential positions and rotations carry over). The frozen prefix, if any,
     * applies to the first day only.
     */
    public List<ResolvedDay> resolveDays(ResolveRequest first, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1: " + days);
        }
        List<ResolvedDay> result = new ArrayList<>();
        ResolvedDay current = resolve(first);
        result.add(current);
        PlayHistory history = first.history();
        for (int i = 1; i < days; i++) {
            history = history.plus(current);
            current = resolve(first.forDay(first.broadcastDay().plusDays(i), history));
            result.add(current);
        }
        return result;
    }
}
