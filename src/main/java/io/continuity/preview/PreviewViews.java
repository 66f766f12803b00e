package io.continuity.preview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.continuity.playlog.PlaylogViews.EventView;
import io.continuity.playlog.PlaylogViews.MovedView;

/** The JSON shapes of the what-if preview (snake_case on the wire); see docs/preview.md. */
public final class PreviewViews {

    private PreviewViews() {
    }

    /**
     * The previewed days, resolved as if the changes were published at {@code decidedAt}: the current version's events
     * that start before {@code lockedUntil} are frozen as a real resolution at that time freezes them.
     */
    public record WhatIfView(UUID channelId, Instant decidedAt, Instant lockedUntil, List<DayView> days) {
    }

    /**
     * One broadcast day: the previewed events beside the current version ({@code current} null when the day has none),
     * whether it would change, the diff, the resolver's warnings and the applied overrides the change affects.
     */
    public record DayView(LocalDate broadcastDay, Instant dayStartUtc, Instant dayEndUtc, CurrentView current, boolean changed,
            List<EventView> events, DayDiffView diff, List<WarningView> warnings, List<AffectedOverrideView> overrides) {
    }

    /** The day's current version. */
    public record CurrentView(UUID scheduleDayId, int version) {
    }

    /** The previewed day against the current version, as the version diff compares two versions. */
    public record DayDiffView(List<EventView> added, List<EventView> removed, List<MovedView> moved, List<EventView> newGaps) {
    }

    /** A resolver warning of the previewed day; {@code kind} is the resolver's decision kind. */
    public record WarningView(String kind, Instant at, UUID assignmentId, UUID assetUuid, String message) {
    }

    /** How a change affects an applied override of the day. */
    public enum OverrideEffect {
        /** The event the override names is gone from the new resolution: the override stays pinned to its window. */
        PINNED,
        /** The override still names its event, but the plan events around its window change. */
        SUPERSEDED
    }

    /** An applied override of the day that the change affects, with the window it holds. */
    public record AffectedOverrideView(UUID overrideId, String action, OverrideEffect effect, UUID targetEventUuid, Instant windowStartUtc,
            Instant windowEndUtc) {
    }
}
