package io.continuity.resolver.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies overrides to a resolved day, after the plans: the last layer of every resolution, so no re-resolution can
 * undo an override. Each override acts on a fixed time window (it stays pinned there even when a newer resolution no
 * longer has the event it named), coverage stays exact, and every event it produces has a uuid derived from the
 * override and the role of the event, so applying an override to a day that already carries it changes nothing.
 * <ul>
 * <li>REPLACE: the target's window airs the new asset from its start; a shorter asset leaves slate to the window's
 * end, a longer one is cut there.</li>
 * <li>CANCEL: the target's window becomes slate.</li>
 * <li>INSERT [start, end): everything overlapping it is superseded. The part of an event before {@code start} stays
 * (a shortened copy). After {@code end} the item in progress either continues where it would have been
 * ({@code JOIN_IN_PROGRESS}: its offset moves on by the time that passed) or its remainder becomes slate and the next
 * item starts on time ({@code NEXT_EVENT}).</li>
 * <li>RETIME: the target's window becomes slate and the target's asset is inserted at the new time (next event).</li>
 * </ul>
 * Events cut by a window that does not match their bounds (a pinned override over a newer resolution) follow the same
 * rules: what is before the window stays, what is after it resumes as {@code NEXT_EVENT} says.
 */
public final class OverrideLayer {

    private OverrideLayer() {
    }

    /** A day after an override: its events, what the override superseded and added, and whether its target was gone. */
    public record Applied(List<ResolvedEvent> events, List<UUID> superseded, List<ResolvedEvent> added, boolean pinned) {
    }

    /** The day's events after every override, in order; {@code overrideOf} receives which override made which event. */
    public static List<ResolvedEvent> applyAll(List<ResolvedEvent> events, List<OverrideSpec> overrides, Map<UUID, UUID> overrideOf,
            List<OverrideSpec> pinned) {
        List<ResolvedEvent> day = events;
        for (OverrideSpec o : overrides) {
            Applied applied = apply(day, o);
            day = applied.events();
            applied.added().forEach(e -> overrideOf.put(e.uuid(), o.id()));
            if (applied.pinned()) {
                pinned.add(o);
            }
        }
        Set<UUID> present = new java.util.HashSet<>();
        day.forEach(e -> present.add(e.uuid()));
        overrideOf.keySet().retainAll(present);
        return day;
    }

    /** One override applied to a day's events (sorted, contiguous). */
    public static Applied apply(List<ResolvedEvent> events, OverrideSpec o) {
        boolean pinned = o.target() != null && events.stream()
                .noneMatch(e -> e.uuid().equals(o.target().eventUuid()) || isOwn(o, e.uuid()));
        Work work = new Work(o, events);
        switch (o.action()) {
            case REPLACE -> {
                work.clear(o.target().start(), o.target().end(), OverrideAction.Resume.NEXT_EVENT);
                Instant airEnd = min(o.airEnd(), o.airStart().plusMillis(o.asset().durationMs()));
                work.add(o.asset().uuid(), EventKind.OVERRIDE, o.airStart(), airEnd, 0, o.asset().title(), o.target(), "air");
                work.slate(airEnd, o.airEnd(), "slate");
            }
            case CANCEL -> {
                work.clear(o.target().start(), o.target().end(), OverrideAction.Resume.NEXT_EVENT);
                work.slate(o.target().start(), o.target().end(), "slate");
            }
            case INSERT -> {
                work.clear(o.airStart(), o.airEnd(), o.resume());
                work.add(o.asset().uuid(), EventKind.OVERRIDE, o.airStart(), o.airEnd(), 0, o.asset().title(), null, "air");
            }
            case RETIME -> {
                work.clear(o.target().start(), o.target().end(), OverrideAction.Resume.NEXT_EVENT);
                work.slate(o.target().start(), o.target().end(), "vacated");
                work.clear(o.airStart(), o.airEnd(), OverrideAction.Resume.NEXT_EVENT);
                work.add(o.asset().uuid(), EventKind.OVERRIDE, o.airStart(), o.airEnd(), 0, o.asset().title(), o.target(), "air");
            }
        }
        return work.result(pinned);
    }

    /** The uuid of an event the override makes in {@code role} (about the event {@code of}, when it cuts one). */
    public static UUID eventUuid(UUID overrideId, String role, UUID of) {
        return UUID.nameUUIDFromBytes((overrideId + "/" + role + (of == null ? "" : "/" + of)).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isOwn(OverrideSpec o, UUID uuid) {
        return uuid.equals(eventUuid(o.id(), "air", null)) || uuid.equals(eventUuid(o.id(), "slate", null))
                || uuid.equals(eventUuid(o.id(), "vacated", null));
    }

    /** The day being changed by one override. */
    private static final class Work {
        private final OverrideSpec o;
        private final List<ResolvedEvent> day;
        private final List<UUID> superseded = new ArrayList<>();
        private final Map<UUID, ResolvedEvent> added = new HashMap<>();

        Work(OverrideSpec o, List<ResolvedEvent> events) {
            this.o = o;
            this.day = new ArrayList<>(events);
        }

        void clear(Instant start, Instant end, OverrideAction.Resume resume) {
            List<ResolvedEvent> kept = new ArrayList<>();
            for (ResolvedEvent e : day) {
                if (!e.start().isBefore(end) || !e.end().isAfter(start)) {
                    kept.add(e);
                    continue;
                }
                supersede(e);
                if (e.start().isBefore(start)) {
                    kept.add(piece(e, e.start(), start, e.offsetMs(), "before"));
                }
                if (e.end().isAfter(end)) {
                    kept.add(resume == OverrideAction.Resume.JOIN_IN_PROGRESS && e.kind() != EventKind.GAP
                            ? piece(e, end, e.end(), e.offsetMs() + Duration.between(e.start(), end).toMillis(), "after")
                            : track(new ResolvedEvent(eventUuid(o.id(), "after", e.uuid()), null, EventKind.GAP, end, e.end(), 0,
                                    e.assignmentId(), e.planId(), "slate (override)", List.of())));
                }
            }
            day.clear();
            day.addAll(kept);
        }

        void add(java.util.UUID asset, EventKind kind, Instant start, Instant end, long offsetMs, String title, OverrideSpec.Target from,
                String role) {
            day.add(track(new ResolvedEvent(eventUuid(o.id(), role, null), asset, kind, start, end, offsetMs,
                    from == null ? null : from.assignmentId(), from == null ? null : from.planId(), title, List.of())));
        }

        void slate(Instant start, Instant end, String role) {
            if (end.isAfter(start)) {
                day.add(track(new ResolvedEvent(eventUuid(o.id(), role, null), null, EventKind.GAP, start, end, 0,
                        o.target() == null ? null : o.target().assignmentId(), o.target() == null ? null : o.target().planId(),
                        "slate (override)", List.of())));
            }
        }

        private void supersede(ResolvedEvent e) {
            if (added.remove(e.uuid()) == null) {
                superseded.add(e.uuid());
            }
        }

        private ResolvedEvent piece(ResolvedEvent e, Instant start, Instant end, long offsetMs, String role) {
            return track(new ResolvedEvent(eventUuid(o.id(), role, e.uuid()), e.assetUuid(), e.kind(), start, end, offsetMs,
                    e.assignmentId(), e.planId(), e.title(), e.fallback()));
        }

        private ResolvedEvent track(ResolvedEvent e) {
            added.put(e.uuid(), e);
            return e;
        }

        Applied result(boolean pinned) {
            day.sort(Comparator.comparing(ResolvedEvent::start));
            List<ResolvedEvent> made = day.stream().filter(e -> added.containsKey(e.uuid())).toList();
            return new Applied(List.copyOf(day), List.copyOf(superseded), made, pinned);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
