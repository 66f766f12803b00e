package io.continuity.resolver.core;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A channel's block grid as instants. Grid boundaries are the local times whose minute-of-hour is one of the
 * channel's block start offsets (second zero), converted with {@link BroadcastDays#toInstant}. Consequences at
 * DST changes: boundaries inside a spring-forward gap collapse onto the end of the gap (so the block containing
 * the change is shorter), and the repeated hour of a fall-back change has no boundaries of its own (so the block
 * containing the change is longer and gets padded).
 *
 * <p>Between two transitions of the zone the local time is the instant plus one fixed offset, so there the next
 * boundary is plain arithmetic on epoch seconds; the conversion through the zone rules is kept for the hours around
 * a transition (and gives the same answer everywhere). Safe for concurrent use.
 */
public final class ChannelGrid {

    private final ChannelSpec channel;
    private final boolean[] offsetMinute = new boolean[60];
    /** The span of fixed offset used last; replaced (never changed) when an instant falls outside it. */
    private FixedSpan span = FixedSpan.NONE;

    /**
     * Epoch seconds {@code (after, before)} in which the zone's offset is {@code offsetSeconds} and every local time
     * from the instant to an hour later maps back with that offset: clear of both transitions' gaps and overlaps.
     */
    private record FixedSpan(long after, long before, int offsetSeconds) {

        static final FixedSpan NONE = new FixedSpan(0, 0, 0);

        boolean covers(long epochSecond) {
            return epochSecond > after && epochSecond < before;
        }
    }

    public ChannelGrid(ChannelSpec channel) {
        this.channel = channel;
        for (int minute : channel.blockStartOffsetsMinutes()) {
            offsetMinute[minute] = true;
        }
    }

    /** The first grid boundary at or after {@code instant}. */
    public Instant nextBoundaryAtOrAfter(Instant instant) {
        long second = instant.getEpochSecond();
        FixedSpan fixed = span;
        if (!fixed.covers(second)) {
            fixed = fixedSpanAround(instant);
            span = fixed;
        }
        if (fixed.covers(second)) {
            long local = second + fixed.offsetSeconds();
            long minute = Math.floorDiv(local, 60) + (local % 60 == 0 && instant.getNano() == 0 ? 0 : 1);
            int minuteOfHour = (int) Math.floorMod(minute, 60L);
            for (int step = 0; step < 60; step++) {
                if (offsetMinute[(minuteOfHour + step) % 60]) {
                    return Instant.ofEpochSecond((minute + step) * 60 - fixed.offsetSeconds());
                }
            }
            throw new IllegalStateException("channel " + channel.id() + " has no block offsets");
        }
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

    private FixedSpan fixedSpanAround(Instant instant) {
        ZoneRules rules = channel.zone().getRules();
        int offset = rules.getOffset(instant).getTotalSeconds();
        if (rules.isFixedOffset()) {
            return new FixedSpan(Long.MIN_VALUE, Long.MAX_VALUE, offset);
        }
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        long margin = 2 * 3600;
        return new FixedSpan(previous == null ? Long.MIN_VALUE : previous.toEpochSecond() + previous.getDuration().abs().getSeconds() + margin,
                next == null ? Long.MAX_VALUE : next.toEpochSecond() - next.getDuration().abs().getSeconds() - margin, offset);
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
