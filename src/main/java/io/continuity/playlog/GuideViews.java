package io.continuity.playlog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of {@code GET /api/v1/guide}, the web program guide's one read (snake_case on the wire). */
public final class GuideViews {

    private GuideViews() {
    }

    /**
     * Every active channel's programmes in a window, and the service's own "now" so the page never trusts the browser clock.
     *
     * @param clockRate how many service seconds pass per real second (1 unless the clock is sped up for a rehearsal)
     */
    public record GuideView(Instant nowUtc, double clockRate, Instant fromUtc, Instant toUtc, List<GuideChannel> channels) {
    }

    /** A channel, its zone, and its programmes overlapping the window in time order. */
    public record GuideChannel(UUID channelId, String slug, String title, String timezone, String programmingDayStart, long playlogVersion,
            List<GuideProgramme> programmes) {
    }

    /**
     * One effective playlog event of a programme kind ({@code program}, {@code fallback}, {@code override}) or slate
     * ({@code gap}: nothing to air, so no asset and never judged) with its lineage,
     * the override that produced it (if any) and what reconciliation found when it aired (empty until judged).
     */
    public record GuideProgramme(UUID uuid, String kind, String title, String seriesTitle, String episodeTitle, Integer season,
            Integer episode, String genre, UUID assetUuid, Instant startUtc, Instant endUtc, long offsetMs, String broadcastDay,
            UUID assignmentId, UUID planId, String planName, UUID scheduleDayId, int scheduleDayVersion, boolean frozen, UUID overrideId,
            String overrideAction, String overrideReason, List<Reconciliation> reconciliation) {
    }

    /** One reconciliation outcome of an event ({@code OK}, {@code LATE_START}, {@code EARLY_END}, {@code MISSING}, {@code SUBSTITUTED}). */
    public record Reconciliation(String outcome, Long deltaMs, String detail) {
    }
}
