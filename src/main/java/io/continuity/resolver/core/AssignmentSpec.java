package io.continuity.resolver.core;

import java.util.Objects;
import java.util.UUID;

/**
 * A SchedulePlanBlockAssignment (seed 003) as the resolver needs it.
 *
 * @param startMinute      schedule-time: minutes after the programming day start, 0–1440
 * @param durationMinutes  positive; time past schedule-time 24:00 is carried over into the next broadcast day
 *                         (see {@link ResolvedDay#carryOut()}); beyond 24 hours it is ignored with a warning
 * @param contentReference series id or title, asset uuid, or virtual asset uuid (as text); unused for RULE/RANDOM
 * @param rule             the parsed rule for RULE and RANDOM, else null
 * @param episodePolicy    series policy, or null for the playback rules' choice (default sequential)
 * @param playbackRules    never null; {@link PlaybackRules#none()} when absent
 */
public record AssignmentSpec(UUID id, UUID planId, int startMinute, int durationMinutes, ContentType contentType,
                             String contentReference, ContentRule rule, EpisodePolicy episodePolicy,
                             PlaybackRules playbackRules) {

    public AssignmentSpec {
        Objects.requireNonNull(contentType, "contentType");
        if (startMinute < 0 || startMinute > 1440) {
            throw new IllegalArgumentException("start_time must be within 00:00-24:00: minute " + startMinute);
        }
        if (durationMinutes <= 0) {
            throw new IllegalArgumentException("duration must be positive: " + durationMinutes);
        }
        playbackRules = playbackRules == null ? PlaybackRules.none() : playbackRules;
        if ((contentType == ContentType.RULE || contentType == ContentType.RANDOM) && rule == null) {
            rule = ContentRule.any();
        }
    }

    /** Schedule-time minute at which this assignment ends (past 1440 when it runs into the next day). */
    public int endMinute() {
        return startMinute + durationMinutes;
    }
}
