package io.continuity.resolver.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Picks the successive items of one assignment window (built by {@link ContentSource}). Four modes:
 * <ul>
 *   <li>SINGLE: one asset, once per window (looped for default programming);</li>
 *   <li>ORDERED: a fixed order (S/E, syndication, virtual package) continuing after the last item that aired;
 *       an item longer than the assignment is skipped, one that only lacks the remaining time waits;</li>
 *   <li>RANKED: least recently used first (seasonal: holiday, then season tags first), stable order on ties;</li>
 *   <li>RANDOM: a seeded pick over the stable candidate order.</li>
 * </ul>
 * RANKED and RANDOM apply the {@link RepeatGuard} and prefer_new; every mode only plays eligible assets.
 */
final class AssignmentPlayer {

    /** How the next item is chosen. */
    enum Mode { SINGLE, ORDERED, RANKED, RANDOM }

    /** A chosen item: the asset, where playback starts inside it and how long it airs. */
    record Pick(CatalogAsset asset, long offsetMs, long airMs, Supplier<String> why) {
    }

    private static final int MAX_ALTERNATIVES = 3;

    private final DayContext day;
    private final AssignmentSpec assignment;
    private final Mode mode;
    private final boolean seasonal;
    private final List<CatalogAsset> order;
    private final PlayOrder playOrder;
    private final String source;
    private final String problem;
    private final boolean loopSingle;
    private final Set<UUID> reportedSkips = new HashSet<>();
    private boolean singlePlayed;

    AssignmentPlayer(DayContext day, AssignmentSpec assignment, Mode mode, boolean seasonal,
                     PlayOrder order, String source, String problem, boolean loopSingle) {
        this.day = day;
        this.assignment = assignment;
        this.mode = mode;
        this.seasonal = seasonal;
        this.order = order.assets();
        this.playOrder = order;
        this.source = source;
        this.loopSingle = loopSingle;
        this.problem = problem != null || this.order.stream().anyMatch(this::playable) ? problem
                : source + " has no eligible, playable asset";
    }

    /** Why nothing of this assignment can ever air today, or null when something can. */
    String problem() {
        return problem;
    }

    String source() {
        return source;
    }

    /** The next item that fits in {@code remainingMs}, or empty when the window is done. */
    Optional<Pick> next(Instant at, long remainingMs) {
        if (problem != null) {
            return Optional.empty();
        }
        return switch (mode) {
            case SINGLE -> nextSingle(remainingMs);
            case ORDERED -> nextOrdered(at, remainingMs);
            case RANKED, RANDOM -> nextChosen(at, remainingMs);
        };
    }

    /** Other eligible items of this assignment that would fit in {@code roomMs}, in play order. */
    List<UUID> alternatives(Pick chosen, long roomMs) {
        if (mode == Mode.SINGLE) {
            return List.of();
        }
        int start = mode == Mode.ORDERED ? playOrder.indexOf(chosen.asset().uuid()) + 1 : 0;
        List<UUID> result = new ArrayList<>();
        for (int step = 0; step < order.size() && result.size() < MAX_ALTERNATIVES; step++) {
            CatalogAsset candidate = order.get((start + step) % order.size());
            if (playable(candidate) && !same(candidate, chosen.asset()) && airMs(candidate) <= roomMs) {
                result.add(candidate.uuid());
            }
        }
        return result;
    }

    private Optional<Pick> nextSingle(long remainingMs) {
        CatalogAsset asset = order.get(0);
        if ((singlePlayed && !loopSingle) || airMs(asset) > remainingMs) {
            return Optional.empty();
        }
        singlePlayed = true;
        return Optional.of(pick(asset, source));
    }

    private Optional<Pick> nextOrdered(Instant at, long remainingMs) {
        if (nothingFits(remainingMs)) {
            return Optional.empty();
        }
        Optional<PlayRecord> last = day.history().lastPlayedAmong(playOrder.uuids(), at);
        int lastIndex = last.map(play -> playOrder.indexOf(play.assetUuid())).orElse(-1);
        long nominalMs = assignment.durationMinutes() * 60_000L;
        for (int step = 0; step < order.size(); step++) {
            int position = lastIndex + 1 + step;
            CatalogAsset candidate = order.get(position % order.size());
            if (!playable(candidate)) {
                continue;
            }
            if (airMs(candidate) > nominalMs) {
                reportSkip(candidate, at, nominalMs);
                continue;
            }
            if (airMs(candidate) > remainingMs) {
                return Optional.empty();
            }
            if (lastIndex >= 0 && position >= order.size()) {
                reportWrap(candidate, at);
            }
            CatalogAsset previous = last.isPresent() ? order.get(lastIndex) : null;
            return Optional.of(pick(candidate, () -> source + ": " + (previous == null ? "first in order"
                    : "next after " + EpisodeOrder.label(previous))));
        }
        return Optional.empty();
    }

    private Optional<Pick> nextChosen(Instant at, long remainingMs) {
        List<CatalogAsset> fitting = new ArrayList<>();
        for (CatalogAsset candidate : order) {
            if (playable(candidate) && airMs(candidate) <= remainingMs) {
                fitting.add(candidate);
            }
        }
        List<CatalogAsset> allowed = preferNew(RepeatGuard.apply(fitting, at, assignment.playbackRules(), day,
                assignment.id()));
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        if (mode == Mode.RANDOM) {
            int index = SeededChoice.index(day.seed(), at, allowed.size());
            int of = allowed.size();
            return Optional.of(pick(allowed.get(index), () -> source + ": seeded pick " + (index + 1) + " of " + of));
        }
        List<CatalogAsset> ranked = new ArrayList<>(allowed);
        ranked.sort(rankOrder(at));
        return Optional.of(pick(ranked.get(0), source + ": " + rankReason(ranked.get(0), at)));
    }

    private Comparator<CatalogAsset> rankOrder(Instant at) {
        Comparator<CatalogAsset> recency = Comparator.comparingLong(
                c -> RepeatGuard.lastPlayedMillis(c, at, day.history()));
        if (!seasonal) {
            return recency;
        }
        return Comparator.comparingInt((CatalogAsset c) -> SeasonalCalendar.tier(c, day.day())).thenComparing(recency);
    }

    private String rankReason(CatalogAsset chosen, Instant at) {
        String recency = day.history().lastPlayed(chosen.uuid(), at)
                .map(when -> "least recently aired (last " + day.localDateTime(when) + ")").orElse("never aired");
        if (!seasonal) {
            return recency;
        }
        String tag = SeasonalCalendar.matchingTag(chosen, day.day());
        return (tag == null ? "no episode tagged for " + day.day() + ", " : "tagged '" + tag + "', ") + recency;
    }

    private List<CatalogAsset> preferNew(List<CatalogAsset> allowed) {
        if (!assignment.playbackRules().preferNew()) {
            return allowed;
        }
        List<CatalogAsset> fresh = allowed.stream().filter(c -> ContentRule.addedWithin(c.addedAt(),
                day.dayStart(), ContentRule.RECENT_DAYS)).toList();
        return fresh.isEmpty() ? allowed : fresh;
    }

    private void reportSkip(CatalogAsset candidate, Instant at, long nominalMs) {
        if (reportedSkips.add(candidate.uuid())) {
            day.log().info(Decision.Kind.SKIPPED, at, assignment.id(), candidate.uuid(), EpisodeOrder.label(candidate)
                    + " (" + DayContext.length(airMs(candidate)) + ") is longer than the assignment ("
                    + DayContext.length(nominalMs) + "); skipped");
        }
    }

    private void reportWrap(CatalogAsset candidate, Instant at) {
        String message = source + " reached its end; starting again at " + EpisodeOrder.label(candidate);
        if (assignment.playbackRules().avoidRepeats()) {
            day.log().warn(Decision.Kind.WRAPPED, at, assignment.id(), candidate.uuid(), message
                    + " although avoid_repeats is set (not enough content)");
        } else {
            day.log().info(Decision.Kind.WRAPPED, at, assignment.id(), candidate.uuid(), message);
        }
    }

    private String label(UUID uuid) {
        return EpisodeOrder.label(order.get(playOrder.indexOf(uuid)));
    }

    /**
     * Whether the ordered walk would end at once without a pick: no item is longer than the assignment (nothing to
     * skip and report) and even the shortest playable item is longer than {@code remainingMs}. Known without the
     * history when the playback rules cut nothing off and ask for no freshness.
     */
    private boolean nothingFits(long remainingMs) {
        PlaybackRules rules = assignment.playbackRules();
        if (rules.offsetMs() != 0 || rules.freshness() != null || playOrder.shortestEligibleMs() == Long.MAX_VALUE) {
            return false;
        }
        return playOrder.longestEligibleMs() <= assignment.durationMinutes() * 60_000L && playOrder.shortestEligibleMs() > remainingMs;
    }

    /** {@code a.equals(b)}, answered by the uuids first: records with different uuids are never equal. */
    private static boolean same(CatalogAsset a, CatalogAsset b) {
        return a == b || a.uuid().equals(b.uuid()) && a.equals(b);
    }

    private Pick pick(CatalogAsset asset, String why) {
        return pick(asset, () -> why);
    }

    /** A pick whose explanation is written when it is read, from values that never change. */
    private Pick pick(CatalogAsset asset, Supplier<String> why) {
        return new Pick(asset, assignment.playbackRules().offsetMs(), airMs(asset), why);
    }

    /** Eligible, fresh enough for the playback rules' {@code freshness}, and something left after the offset. */
    private boolean playable(CatalogAsset asset) {
        Integer freshness = assignment.playbackRules().freshness();
        return asset.eligible() && airMs(asset) > 0
                && (freshness == null || ContentRule.addedWithin(asset.addedAt(), day.dayStart(), freshness));
    }

    private long airMs(CatalogAsset asset) {
        return asset.durationMs() - assignment.playbackRules().offsetMs();
    }
}
