package io.continuity.resolver.core;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;

/**
 * A channel's block grid as instants. Grid boundaries are the local times whose minute-of-hour is one of the
 * channel's block start offsets (second zero), converted with {@link BroadcastDays#toInstant}. Consequences at
 * DST changes: boundaries inside a spring-forward gap collapse onto the end of the gap (so the block containing
 * the change is shorter), and the repeated hour of a fall-back change has no boundaries of its own (so the block
 * containing the change is longer and gets padded).
 */
public final class ChannelGrid {

    private final ChannelSpec channel;
    private final boolean[] offsetMinute = new boolean[60];

    public ChannelGrid(ChannelSpec channel) {
        this.channel = channel;
        for (int minute : channel.blockStartOffsetsMinutes()) {
            offsetMinute[minute] = true;
        }
    }

    /** The first grid boundary at or after {@code instant}. */
    public Instant nextBoundaryAtOrAfter(Instant instant) {
        LocalDateTime candidate = firstLocalCandidate(instant);
        while (true) {
            candidate = ceilToOffset(candidate);
            Instant boundary = BroadcastDays.toInstant(candidate, channel.zone());
            if (!boundary.isBefore(instant)) {
                return boundary;
            }
            candidate = candidate.plusMinutes(1);
        }
    }

    /** The first grid boundary at or after {@code instant}, but never later than {@code limit}. */
    public Instant nextBoundaryWithin(Instant instant, Instant limit) {
        Instant boundary = nextBoundaryAtOrAfter(instant);
        return boundary.isAfter(limit) ? limit : boundary;
    }

    public boolean isBoundary(Instant instant) {
        return nextBoundaryAtOrAfter(instant).equals(instant);
    }

    /**
     * The earliest local minute that can map to {@code instant} or later: normally the instant's own local time
     * rounded up, but at the end of a DST gap the start of the gap, because every gap time maps to that instant.
     */
    private LocalDateTime firstLocalCandidate(Instant instant) {
        ZoneOffsetTransition previous = channel.zone().getRules().previousTransition(instant.plusNanos(1));
        if (previous != null && previous.isGap() && previous.getInstant().equals(instant)) {
            return previous.getDateTimeBefore();
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, channel.zone());
        LocalDateTime minute = local.truncatedTo(ChronoUnit.MINUTES);
        return minute.equals(local) ? minute : minute.plusMinutes(1);
    }

    private LocalDateTime ceilToOffset(LocalDateTime local) {
        int minute = local.getMinute();
        for (int step = 0; step < 60; step++) {
            if (offsetMinute[(minute + step) % 60]) {
                return local.plusMinutes(step);
            }
        }
        throw new IllegalStateException("channel " + channel.id() + " has no block offsets");
    }
}
