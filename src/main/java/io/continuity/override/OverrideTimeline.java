package io.continuity.override;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.continuity.resolver.core.EventKind;
import io.continuity.resolver.core.ResolvedEvent;

/**
 * The effect of one override on a day's effective playlog, in plain Java: which events it supersedes and which new
 * events take their place. Coverage stays exact: the new events fill exactly the time the superseded ones held.
 * <ul>
 * <li>REPLACE: the target's slot airs the new asset from the slot start; a shorter asset leaves a gap (slate) to the
 * slot end, a longer one is cut at the slot end.</li>
 * <li>CANCEL: the target's slot becomes a gap.</li>
 * <li>INSERT [start, end): every event overlapping it is superseded. The part of an event before {@code start}
 * stays (as a shortened copy). After {@code end}, the item in progress either continues where it would have been
 * ({@code JOIN_IN_PROGRESS}: its offset moves on by the time that passed) or its remainder becomes a gap and the
 * schedule resumes at the next item on time ({@code NEXT_EVENT}).</li>
 * <li>RETIME: the target's slot becomes a gap and the target's asset is inserted at the new time
 * ({@code NEXT_EVENT} resume).</li>
 * </ul>
 */
public final class OverrideTimeline {

    /** What the override changes. */
    public record Change(List<UUID> superseded, List<ResolvedEvent> added) {
    }

    /** How the schedule continues after an inserted event. */
    public enum Resume { JOIN_IN_PROGRESS, NEXT_EVENT }

    private final UUID overrideId;
    private int sequence;

    public OverrideTimeline(UUID overrideId) {
        this.overrideId = overrideId;
    }

    public Change replace(ResolvedEvent target, UUID asset, long assetDurationMs, String title) {
        Instant airEnd = min(target.end(), target.start().plusMillis(assetDurationMs));
        List<ResolvedEvent> added = new ArrayList<>();
        added.add(event(asset, EventKind.OVERRIDE, target.start(), airEnd, 0, title, target));
        if (airEnd.isBefore(target.end())) {
            added.add(gap(airEnd, target.end(), target));
        }
        return new Change(List.of(target.uuid()), added);
    }

    public Change cancel(ResolvedEvent target) {
        return new Change(List.of(target.uuid()), List.of(gap(target.start(), target.end(), target)));
    }

    public Change insert(List<ResolvedEvent> day, UUID asset, Instant start, Instant end, Resume resume, String title) {
        List<UUID> superseded = new ArrayList<>();
        List<ResolvedEvent> added = new ArrayList<>();
        for (ResolvedEvent e : day) {
            if (!e.start().isBefore(end) || !e.end().isAfter(start)) {
                continue;
            }
            superseded.add(e.uuid());
            if (e.start().isBefore(start)) {
                added.add(event(e.assetUuid(), e.kind(), e.start(), start, e.offsetMs(), e.title(), e));
            }
            if (e.end().isAfter(end)) {
                added.add(resume == Resume.JOIN_IN_PROGRESS && e.kind() != EventKind.GAP
                        ? event(e.assetUuid(), e.kind(), end, e.end(), e.offsetMs() + Duration.between(e.start(), end).toMillis(), e.title(), e)
                        : gap(end, e.end(), e));
            }
        }
        added.add(event(asset, EventKind.OVERRIDE, start, end, 0, title, null));
        added.sort(java.util.Comparator.comparing(ResolvedEvent::start));
        return new Change(superseded, added);
    }

    public Change retime(List<ResolvedEvent> day, ResolvedEvent target, Instant start, Instant end) {
        List<ResolvedEvent> afterCancel = new ArrayList<>();
        ResolvedEvent vacated = gap(target.start(), target.end(), target);
        for (ResolvedEvent e : day) {
            afterCancel.add(e.uuid().equals(target.uuid()) ? vacated : e);
        }
        Change moved = insert(afterCancel, target.assetUuid(), start, end, Resume.NEXT_EVENT, target.title());
        List<UUID> superseded = new ArrayList<>(moved.superseded());
        List<ResolvedEvent> added = new ArrayList<>(moved.added());
        if (superseded.remove(vacated.uuid())) {
            superseded.add(target.uuid());
        } else {
            superseded.add(target.uuid());
            added.add(vacated);
            added.sort(java.util.Comparator.comparing(ResolvedEvent::start));
        }
        return new Change(superseded, added);
    }

    private ResolvedEvent gap(Instant start, Instant end, ResolvedEvent from) {
        return event(null, EventKind.GAP, start, end, 0, "slate (override)", from);
    }

    private ResolvedEvent event(UUID asset, EventKind kind, Instant start, Instant end, long offsetMs, String title, ResolvedEvent from) {
        UUID uuid = UUID.nameUUIDFromBytes((overrideId + "/" + sequence++).getBytes(StandardCharsets.UTF_8));
        return new ResolvedEvent(uuid, asset, kind, start, end, offsetMs, from == null ? null : from.assignmentId(),
                from == null ? null : from.planId(), title, from == null || kind == EventKind.GAP ? List.of() : from.fallback());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
