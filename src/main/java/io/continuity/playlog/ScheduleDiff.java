package io.continuity.playlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.continuity.resolver.core.EventKind;
import io.continuity.resolver.core.ResolvedEvent;

/**
 * What changed between two event lists of one broadcast day (two versions, or the current version and a preview):
 * the one definition of "added", "removed", "moved" and "new gaps" the version diff and the what-if preview share.
 *
 * <p>Events are matched by uuid first. An event's uuid is derived from its start, asset and kind, so an item that
 * only moved gets a new uuid: the events left unmatched are then paired, in time order, by asset, kind and assignment,
 * and such a pair is a move, not a removal and an addition. Only programme-like items are paired: padding (filler,
 * bumper) is chosen again around the items wherever they land, and gaps have no asset, so those show as removed and
 * added.
 */
public final class ScheduleDiff {

    /** An event in both lists at other times; {@code fromUuid} differs from {@code to.uuid()} when the move changed its uuid. */
    public record Move(UUID fromUuid, ResolvedEvent from, ResolvedEvent to) {
    }

    /** The difference: events only in {@code after}, only in {@code before}, moved, and the gaps {@code after} adds. */
    public record Result(List<ResolvedEvent> added, List<ResolvedEvent> removed, List<Move> moved, List<ResolvedEvent> newGaps) {

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && moved.isEmpty();
        }
    }

    private record Identity(UUID asset, EventKind kind, UUID assignment) {
    }

    private ScheduleDiff() {
    }

    public static Result between(List<ResolvedEvent> before, List<ResolvedEvent> after) {
        Map<UUID, ResolvedEvent> beforeByUuid = new LinkedHashMap<>();
        before.forEach(e -> beforeByUuid.put(e.uuid(), e));
        Map<UUID, ResolvedEvent> afterByUuid = new LinkedHashMap<>();
        after.forEach(e -> afterByUuid.put(e.uuid(), e));
        List<Move> moved = new ArrayList<>();
        after.stream().filter(e -> beforeByUuid.containsKey(e.uuid())).forEach(e -> {
            ResolvedEvent b = beforeByUuid.get(e.uuid());
            if (!b.start().equals(e.start()) || !b.end().equals(e.end())) {
                moved.add(new Move(b.uuid(), b, e));
            }
        });
        List<ResolvedEvent> removed = new ArrayList<>(before.stream().filter(e -> !afterByUuid.containsKey(e.uuid())).toList());
        List<ResolvedEvent> added = new ArrayList<>(after.stream().filter(e -> !beforeByUuid.containsKey(e.uuid())).toList());
        Map<Identity, List<ResolvedEvent>> removedByIdentity = new HashMap<>();
        removed.stream().filter(ScheduleDiff::pairable)
                .forEach(e -> removedByIdentity.computeIfAbsent(identity(e), k -> new ArrayList<>()).add(e));
        for (ResolvedEvent a : List.copyOf(added)) {
            List<ResolvedEvent> candidates = pairable(a) ? removedByIdentity.get(identity(a)) : null;
            if (candidates != null && !candidates.isEmpty()) {
                ResolvedEvent b = candidates.remove(0);
                moved.add(new Move(b.uuid(), b, a));
                removed.remove(b);
                added.remove(a);
            }
        }
        moved.sort(java.util.Comparator.comparing((Move m) -> m.to().start()).thenComparing(m -> m.to().uuid()));
        List<ResolvedEvent> newGaps = added.stream().filter(e -> e.kind() == EventKind.GAP).toList();
        return new Result(List.copyOf(added), List.copyOf(removed), List.copyOf(moved), newGaps);
    }

    private static boolean pairable(ResolvedEvent e) {
        return e.assetUuid() != null && e.kind() != EventKind.FILLER && e.kind() != EventKind.BUMPER;
    }

    private static Identity identity(ResolvedEvent e) {
        return new Identity(Objects.requireNonNull(e.assetUuid()), e.kind(), e.assignmentId());
    }
}
