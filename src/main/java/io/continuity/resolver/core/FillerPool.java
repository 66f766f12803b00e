package io.continuity.resolver.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The channel's filler pool for one day: eligible assets matching the channel's filler rule (filler, bumper and
 * promo kinds when the rule names none), shortest first. {@link #pad} fills a span grid block by grid block (a filler
 * never runs across a grid boundary) with the least recently used filler that fits, preferring one that leaves either
 * nothing or room for another filler, so the remainder of a block that becomes a gap (slate) is shorter than the
 * shortest filler. "Recently used" is what aired before the day plus what this block already used; ties go to a
 * seeded order drawn per block. So what a block is padded with depends only on the inputs, the days before and the
 * block itself, never on what an earlier block of the day holds: a day resolved again after a frozen prefix pads
 * every block after it exactly as a day resolved in one go (the schedule does not depend on arrival order).
 */
final class FillerPool {

    private static final int MAX_FALLBACK_FILLERS = 2;
    /** How many of a block's least recently used fillers are kept in order; picks almost always come from them. */
    private static final int SHORTLIST = 16;
    /** Below this many fitting fillers a pick scans them all, as cheap as the shortlist. */
    private static final int SCAN_LIMIT = 24;

    /**
     * The pool as the catalog gives it, independent of the day: eligible fillers shortest first, their durations,
     * each filler's part of its seeded rank and its position by uuid. Shared by every day resolved against one
     * catalog view.
     */
    private record Pool(List<CatalogAsset> fillers, long[] durations, long[] rankSalt, Map<UUID, Integer> indexOf) {

        private record Key(ContentRule fillerRule) {
        }

        static Pool of(DayContext day) {
            ContentRule rule = day.channel().fillerRule();
            if (rule.freshness() != null) {
                return build(day.catalog().matching(rule, day.dayStart(), AssetKind.INTERSTITIAL_KINDS));
            }
            return day.catalog().derived(new Key(rule), () -> build(day.catalog().matching(rule, day.dayStart(),
                    AssetKind.INTERSTITIAL_KINDS)));
        }

        private static Pool build(List<CatalogAsset> matching) {
            List<CatalogAsset> pool = new ArrayList<>();
            for (CatalogAsset asset : matching) {
                if (asset.eligible() && asset.durationMs() > 0) {
                    pool.add(asset);
                }
            }
            pool.sort(Comparator.comparingLong(CatalogAsset::durationMs).thenComparing(CatalogAsset::uuid));
            List<CatalogAsset> fillers = List.copyOf(pool);
            long[] durations = new long[fillers.size()];
            long[] salt = new long[fillers.size()];
            Map<UUID, Integer> indexOf = new HashMap<>();
            for (int i = 0; i < fillers.size(); i++) {
                durations[i] = fillers.get(i).durationMs();
                salt[i] = SeededChoice.rankSalt(fillers.get(i).uuid());
                indexOf.put(fillers.get(i).uuid(), i);
            }
            return new Pool(fillers, durations, salt, Map.copyOf(indexOf));
        }
    }

    private final DayContext day;
    private final DayTimeline timeline;
    private final List<CatalogAsset> fillers;
    private final long[] durations;
    private final long[] rankSalt;
    private final Map<UUID, Integer> indexOf;
    private final long[] priorUse;
    private final long[] lastUse;
    private final long[] rank;
    /** The block for which {@code rank[i]} was computed, per filler: ranks are worked out only when a tie needs them. */
    private final int[] rankedIn;
    private final int[] shortlist = new int[SHORTLIST];
    private final long[] shortlistUse = new long[SHORTLIST];
    private int shortlistSize;
    private int blockNumber;
    private long blockSeed;
    private Instant block;

    FillerPool(DayContext day, DayTimeline timeline) {
        this.day = day;
        this.timeline = timeline;
        Pool pool = Pool.of(day);
        this.fillers = pool.fillers();
        this.durations = pool.durations();
        this.rankSalt = pool.rankSalt();
        this.indexOf = pool.indexOf();
        this.priorUse = new long[fillers.size()];
        for (int i = 0; i < priorUse.length; i++) {
            priorUse[i] = RepeatGuard.lastPlayedMillis(fillers.get(i), day.dayStart(), timeline.history());
        }
        this.lastUse = priorUse.clone();
        this.rank = new long[fillers.size()];
        this.rankedIn = new int[fillers.size()];
    }

    /** Starts the state of the grid block that contains {@code at}, unless it is the current one. */
    private void enterBlockOf(Instant at) {
        Instant end = blockEnd(at);
        if (end.equals(block)) {
            return;
        }
        block = end;
        blockNumber++;
        blockSeed = SeededChoice.blockSeed(day.seed(), end);
        System.arraycopy(priorUse, 0, lastUse, 0, priorUse.length);
        // filler the block already holds (kept from a previous version) counts as used, so a block resolved again after
        // its first part was frozen continues exactly as it did when resolved in one go
        Instant start = day.grid().nextBoundaryAtOrAfter(at.minus(Duration.ofMinutes(day.channel().gridBlockMinutes())).plusMillis(1));
        timeline.forEachSince(start, e -> {
            Integer i = e.assetUuid() == null ? null : indexOf.get(e.assetUuid());
            if (i != null && e.start().toEpochMilli() > lastUse[i]) {
                lastUse[i] = e.start().toEpochMilli();
            }
        });
        fillShortlist();
    }

    /** The block's {@link #SHORTLIST} least recently used fillers, in the order {@link #lessRecent} gives. */
    private void fillShortlist() {
        shortlistSize = 0;
        for (int i = durations.length - 1; i >= 0; i--) {
            if (shortlistSize == SHORTLIST && !lessRecent(i, shortlist[SHORTLIST - 1])) {
                continue;
            }
            int at = Math.min(shortlistSize, SHORTLIST - 1);
            while (at > 0 && lessRecent(i, shortlist[at - 1])) {
                shortlist[at] = shortlist[at - 1];
                at--;
            }
            shortlist[at] = i;
            shortlistSize = Math.min(shortlistSize + 1, SHORTLIST);
        }
        for (int k = 0; k < shortlistSize; k++) {
            shortlistUse[k] = lastUse[shortlist[k]];
        }
    }

    private Instant blockEnd(Instant at) {
        return day.grid().nextBoundaryAtOrAfter(at.plusMillis(1));
    }

    private long rank(int i) {
        if (rankedIn[i] != blockNumber) {
            rankedIn[i] = blockNumber;
            rank[i] = SeededChoice.rank(blockSeed, rankSalt[i]);
        }
        return rank[i];
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
        pad(to, assignmentId, planId, () -> context);
    }

    /**
     * {@link #pad(Instant, UUID, UUID, String)} with the context written only when the explanation is read.
     */
    void pad(Instant to, UUID assignmentId, UUID planId, Supplier<String> context) {
        Instant from = timeline.cursor();
        if (!to.isAfter(from)) {
            return;
        }
        int count = 0;
        int gaps = 0;
        long gapMillis = 0;
        Instant firstGap = null;
        while (timeline.cursor().isBefore(to)) {
            Instant segmentEnd = min(to, blockEnd(timeline.cursor()));
            enterBlockOf(timeline.cursor());
            long remaining = Duration.between(timeline.cursor(), segmentEnd).toMillis();
            for (int index = choose(remaining); index >= 0; index = choose(remaining)) {
                CatalogAsset filler = fillers.get(index);
                lastUse[index] = timeline.cursor().toEpochMilli();
                EventKind kind = filler.kind() == AssetKind.BUMPER ? EventKind.BUMPER : EventKind.FILLER;
                timeline.append(kind, filler, durations[index], 0, assignmentId, planId, List.of());
                remaining -= durations[index];
                count++;
            }
            if (timeline.cursor().isBefore(segmentEnd)) {
                firstGap = firstGap == null ? timeline.cursor() : firstGap;
                gaps++;
                gapMillis += Duration.between(timeline.cursor(), segmentEnd).toMillis();
                timeline.appendGap(segmentEnd, assignmentId, planId);
            }
        }
        if (count > 0) {
            int placed = count;
            ZoneId zone = day.channel().zone();
            day.log().info(Decision.Kind.PADDED, from, assignmentId, null, () -> "padded " + DayContext.length(
                    Duration.between(from, to).toMillis()) + " " + context.get() + " up to " + DayContext.local(zone, to) + " with "
                    + placed + " least recently used filler item(s) that fit");
        }
        if (gaps > 0) {
            explainGaps(firstGap, gaps, gapMillis, assignmentId, context);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Up to two fillers that fit in {@code roomMs}, longest first, for an event's fallback chain. */
    List<UUID> fallbackFillers(long roomMs) {
        List<UUID> result = new ArrayList<>();
        for (int i = upperIndex(roomMs) - 1; i >= 0 && result.size() < MAX_FALLBACK_FILLERS; i--) {
            result.add(fillers.get(i).uuid());
        }
        return result;
    }

    private void explainGaps(Instant at, int gaps, long millis, UUID assignmentId, Supplier<String> context) {
        if (fillers.isEmpty()) {
            day.log().warn(Decision.Kind.GAP, at, assignmentId, null, gapsText(gaps, millis) + " " + context.get()
                    + ": the channel's filler pool is empty");
        } else {
            long shortest = durations[0];
            day.log().info(Decision.Kind.GAP, at, assignmentId, null, () -> gapsText(gaps, millis) + " " + context.get()
                    + ": shorter than the shortest filler (" + DayContext.length(shortest) + ")");
        }
    }

    private static String gapsText(int gaps, long millis) {
        return gaps == 1 ? "gap of " + DayContext.length(millis) : gaps + " gaps of " + DayContext.length(millis) + " in all (one per grid block)";
    }

    /**
     * The least recently used filler fitting {@code remaining}, preferring a clean remainder; -1 if none fits. The
     * shortlist answers when it holds a fitting filler with a clean remainder that was not used since it was made: every
     * filler outside it, and every filler used in the block since, is more recently used. Otherwise every fitting filler
     * is compared.
     */
    private int choose(long remaining) {
        int fitting = upperIndex(remaining);
        if (fitting > SCAN_LIMIT) {
            long shortest = durations[0];
            for (int k = 0; k < shortlistSize; k++) {
                int i = shortlist[k];
                long left = remaining - durations[i];
                if (lastUse[i] == shortlistUse[k] && left >= 0 && (left == 0 || left >= shortest)) {
                    return i;
                }
            }
        }
        return scan(fitting, remaining);
    }

    private int scan(int fitting, long remaining) {
        int best = -1;
        int bestClean = -1;
        long shortest = durations.length == 0 ? 0 : durations[0];
        for (int i = fitting - 1; i >= 0; i--) {
            long left = remaining - durations[i];
            if (best < 0 || lessRecent(i, best)) {
                best = i;
            }
            if ((left == 0 || left >= shortest) && (bestClean < 0 || lessRecent(i, bestClean))) {
                bestClean = i;
            }
        }
        return bestClean >= 0 ? bestClean : best;
    }

    /** Used less recently, else ranked first in the block's seeded order, else (a full tie) the longer one. */
    private boolean lessRecent(int i, int j) {
        if (lastUse[i] != lastUse[j]) {
            return lastUse[i] < lastUse[j];
        }
        long ri = rank(i);
        long rj = rank(j);
        return ri < rj || ri == rj && i > j;
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
