package io.continuity.resolver.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The channel's filler pool for one day: eligible assets matching the channel's filler rule (filler, bumper and
 * promo kinds when the rule names none), shortest first. {@link #pad} fills a span with the least recently used
 * filler that fits, preferring one that leaves either nothing or room for another filler, so the remainder that
 * becomes a gap (slate) is shorter than the shortest filler. Deterministic: ties go to the longer filler, then
 * the larger uuid.
 */
final class FillerPool {

    private static final int MAX_FALLBACK_FILLERS = 2;

    private final DayContext day;
    private final DayTimeline timeline;
    private final List<CatalogAsset> fillers;
    private final long[] durations;
    private final long[] lastUse;

    FillerPool(DayContext day, DayTimeline timeline) {
        this.day = day;
        this.timeline = timeline;
        List<CatalogAsset> pool = new ArrayList<>();
        for (CatalogAsset asset : day.catalog().matching(day.channel().fillerRule(), day.dayStart(), AssetKind.INTERSTITIAL_KINDS)) {
            if (asset.eligible() && asset.durationMs() > 0) {
                pool.add(asset);
            }
        }
        pool.sort(Comparator.comparingLong(CatalogAsset::durationMs).thenComparing(CatalogAsset::uuid));
        this.fillers = List.copyOf(pool);
        this.durations = fillers.stream().mapToLong(CatalogAsset::durationMs).toArray();
        this.lastUse = fillers.stream().mapToLong(f -> RepeatGuard.lastPlayedMillis(f, timeline.cursor(),
                timeline.history())).toArray();
    }

    /** Whether the channel has no eligible filler at all. */
    boolean isEmpty() {
        return fillers.isEmpty();
    }

    /**
     * Fills from the timeline cursor to {@code to} with filler and, for a remainder too short for any filler, one
     * gap event.
     *
     * @param context what the padding follows, for the explanation
     */
    void pad(Instant to, UUID assignmentId, UUID planId, String context) {
        Instant from = timeline.cursor();
        if (!to.isAfter(from)) {
            return;
        }
        int count = 0;
        long remaining = Duration.between(from, to).toMillis();
        for (int index = choose(remaining); index >= 0; index = choose(remaining)) {
            CatalogAsset filler = fillers.get(index);
            lastUse[index] = timeline.cursor().toEpochMilli();
            EventKind kind = filler.kind() == AssetKind.BUMPER ? EventKind.BUMPER : EventKind.FILLER;
            timeline.append(kind, filler, durations[index], 0, assignmentId, planId, List.of());
            remaining -= durations[index];
            count++;
        }
        if (count > 0) {
            day.log().info(Decision.Kind.PADDED, from, assignmentId, null, "padded " + DayContext.length(
                    Duration.between(from, to).toMillis()) + " " + context + " up to " + day.local(to) + " with "
                    + count + " least recently used filler item(s) that fit");
        }
        if (timeline.cursor().isBefore(to)) {
            gap(to, assignmentId, planId, context);
        }
    }

    /** Up to two fillers that fit in {@code roomMs}, longest first, for an event's fallback chain. */
    List<UUID> fallbackFillers(long roomMs) {
        List<UUID> result = new ArrayList<>();
        for (int i = upperIndex(roomMs) - 1; i >= 0 && result.size() < MAX_FALLBACK_FILLERS; i--) {
            result.add(fillers.get(i).uuid());
        }
        return result;
    }

    private void gap(Instant to, UUID assignmentId, UUID planId, String context) {
        Instant at = timeline.cursor();
        long millis = Duration.between(at, to).toMillis();
        timeline.appendGap(to, assignmentId, planId);
        if (fillers.isEmpty()) {
            day.log().warn(Decision.Kind.GAP, at, assignmentId, null, "gap of " + DayContext.length(millis) + " "
                    + context + ": the channel's filler pool is empty");
        } else {
            day.log().info(Decision.Kind.GAP, at, assignmentId, null, "gap of " + DayContext.length(millis) + " "
                    + context + ": shorter than the shortest filler (" + DayContext.length(durations[0]) + ")");
        }
    }

    /** The least recently used filler fitting {@code remaining}, preferring a clean remainder; -1 if none fits. */
    private int choose(long remaining) {
        int best = -1;
        int bestClean = -1;
        long shortest = durations.length == 0 ? 0 : durations[0];
        for (int i = upperIndex(remaining) - 1; i >= 0; i--) {
            long left = remaining - durations[i];
            if (best < 0 || lastUse[i] < lastUse[best]) {
                best = i;
            }
            if ((left == 0 || left >= shortest) && (bestClean < 0 || lastUse[i] < lastUse[bestClean])) {
                bestClean = i;
            }
        }
        return bestClean >= 0 ? bestClean : best;
    }

    /** The number of fillers not longer than {@code millis}. */
    private int upperIndex(long millis) {
        int low = 0;
        int high = durations.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (durations[mid] <= millis) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
