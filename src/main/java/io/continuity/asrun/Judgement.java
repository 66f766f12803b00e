package io.continuity.asrun;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The reconciliation rules as plain functions: which outcomes a past playlog event earns from the as-run entries
 * that name it, and what an entry naming no known event is. No framework types, so each rule is tested on its own.
 */
final class Judgement {

    private Judgement() {
    }

    /**
     * Judges one planned event. Several entries (an event aired in parts) count together: the earliest aired start
     * against the planned start, the latest aired end against the planned end, every aired asset against the planned
     * one. One event may earn several outcomes (late and substituted); OK only when it earns none of them.
     */
    static List<Finding> judge(PlannedEvent planned, List<AiredEntry> entries, Duration tolerance) {
        List<AiredEntry> aired = entries.stream().filter(AiredEntry::aired).sorted(Comparator.comparing(AiredEntry::start)).toList();
        if (aired.isEmpty()) {
            return List.of(missing(entries));
        }
        AiredEntry first = aired.get(0);
        AiredEntry last = aired.stream().max(Comparator.comparing(AiredEntry::end)).orElseThrow();
        long startDelta = millisBetween(planned.start(), first.start());
        long endDelta = millisBetween(planned.end(), last.end());
        List<Finding> findings = new ArrayList<>();
        substitution(planned, aired).ifPresent(entry -> findings.add(finding(Outcome.SUBSTITUTED, entry, first, last, startDelta,
                entry.assetUuid().equals(planned.assetUuid()) ? entry.reported()
                        : "aired asset " + entry.assetUuid() + " instead of " + planned.assetUuid())));
        if (startDelta > tolerance.toMillis()) {
            findings.add(finding(Outcome.LATE_START, first, first, last, startDelta,
                    "started " + seconds(startDelta) + " late (tolerance " + seconds(tolerance.toMillis()) + ")"));
        }
        Optional<AiredEntry> cut = aired.stream().filter(AiredEntry::cutShort).findFirst();
        if (-endDelta > tolerance.toMillis() || cut.isPresent()) {
            String why = -endDelta > tolerance.toMillis()
                    ? "ended " + seconds(-endDelta) + " early (tolerance " + seconds(tolerance.toMillis()) + ")"
                    : cut.get().reported();
            findings.add(finding(Outcome.EARLY_END, cut.orElse(last), first, last, endDelta, why));
        }
        if (findings.isEmpty()) {
            findings.add(finding(Outcome.OK, first, first, last, startDelta,
                    "aired as planned (start " + signed(startDelta) + ", end " + signed(endDelta) + ")"));
        }
        return findings;
    }

    /** An entry that aired something while naming no playlog event of the channel's current schedule. */
    static Finding extra(AiredEntry entry) {
        String why = entry.playlogEventUuid() == null ? "aired without naming a playlog event"
                : "names playlog event " + entry.playlogEventUuid() + ", which is not in the channel's current schedule";
        return new Finding(Outcome.EXTRA, entry.id(), entry.assetUuid(), entry.start(), entry.end(), null,
                "asset " + entry.assetUuid() + " " + why);
    }

    private static Finding missing(List<AiredEntry> entries) {
        if (entries.isEmpty()) {
            return new Finding(Outcome.MISSING, null, null, null, null, null, "no as-run entry was reported");
        }
        AiredEntry entry = entries.get(0);
        return new Finding(Outcome.MISSING, entry.id(), null, entry.start(), entry.end(), null, entry.reported());
    }

    private static Optional<AiredEntry> substitution(PlannedEvent planned, List<AiredEntry> aired) {
        return aired.stream().filter(e -> !e.assetUuid().equals(planned.assetUuid())).findFirst()
                .or(() -> aired.stream().filter(e -> "SUBSTITUTED".equals(e.status())).findFirst());
    }

    private static Finding finding(Outcome outcome, AiredEntry evidence, AiredEntry first, AiredEntry last, long deltaMs, String detail) {
        return new Finding(outcome, evidence.id(), evidence.assetUuid(), first.start(), last.end(), deltaMs, detail);
    }

    private static long millisBetween(Instant planned, Instant actual) {
        return Duration.between(planned, actual).toMillis();
    }

    static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }

    private static String signed(long millis) {
        return (millis > 0 ? "+" : "") + seconds(millis);
    }
}
