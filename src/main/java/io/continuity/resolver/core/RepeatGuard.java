package io.continuity.resolver.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The avoid_repeats chain. Strict: exclude every candidate that aired within the window. If that leaves nothing,
 * relax to the last N: exclude only the N most recently aired candidates (N = half the candidates, at least one).
 * If that still leaves nothing, allow repeats and warn: scarcity never fails a day. Without avoid_repeats a soft
 * preference still steers rule and random picks away from what already aired today.
 */
final class RepeatGuard {

    private RepeatGuard() {
    }

    static List<CatalogAsset> apply(List<CatalogAsset> fitting, Instant at, PlaybackRules rules, DayContext day,
                                    UUID assignmentId) {
        if (fitting.isEmpty()) {
            return fitting;
        }
        if (!rules.avoidRepeats()) {
            List<CatalogAsset> notToday = notPlayedSince(fitting, day.dayStart(), at, day.history());
            return notToday.isEmpty() ? fitting : notToday;
        }
        Instant windowStart = at.minus(Duration.ofDays(rules.windowDays()));
        List<CatalogAsset> strict = notPlayedSince(fitting, windowStart, at, day.history());
        if (!strict.isEmpty()) {
            return strict;
        }
        List<CatalogAsset> relaxed = withoutMostRecent(fitting, at, day.history());
        if (!relaxed.isEmpty()) {
            day.log().info(Decision.Kind.REPEAT_RELAXED, at, assignmentId, null, "avoid_repeats: all "
                    + fitting.size() + " candidates aired in the last " + rules.windowDays() + " days; relaxed to"
                    + " excluding the " + (fitting.size() - relaxed.size()) + " most recently aired");
            return relaxed;
        }
        day.log().warn(Decision.Kind.SCARCITY, at, assignmentId, null, "avoid_repeats: only " + fitting.size()
                + " candidate(s) fit and all aired recently; repeating rather than leaving the slot empty");
        return fitting;
    }

    private static List<CatalogAsset> notPlayedSince(List<CatalogAsset> candidates, Instant since, Instant at,
                                                     PlayHistory history) {
        List<CatalogAsset> result = new ArrayList<>();
        for (CatalogAsset candidate : candidates) {
            Optional<Instant> last = history.lastPlayed(candidate.uuid(), at);
            if (last.isEmpty() || last.get().isBefore(since)) {
                result.add(candidate);
            }
        }
        return result;
    }

    private static List<CatalogAsset> withoutMostRecent(List<CatalogAsset> candidates, Instant at,
                                                        PlayHistory history) {
        int excluded = Math.max(1, candidates.size() / 2);
        if (excluded >= candidates.size()) {
            return List.of();
        }
        List<CatalogAsset> byRecency = new ArrayList<>(candidates);
        byRecency.sort(Comparator.comparing((CatalogAsset c) -> lastPlayedMillis(c, at, history)).reversed()
                .thenComparing(CatalogAsset::uuid));
        List<CatalogAsset> recent = byRecency.subList(0, excluded);
        return candidates.stream().filter(c -> !recent.contains(c)).toList();
    }

    static long lastPlayedMillis(CatalogAsset asset, Instant at, PlayHistory history) {
        Optional<Instant> last = history.lastPlayed(asset.uuid(), at);
        return last.isPresent() ? last.get().toEpochMilli() : Long.MIN_VALUE;
    }
}
