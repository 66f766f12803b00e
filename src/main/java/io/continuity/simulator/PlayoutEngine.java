package io.continuity.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import io.continuity.events.AsRunRecorded;
import io.continuity.events.PlaylogEventPayload;
import io.continuity.resolver.core.EventKind;

/**
 * Plays one channel's {@link Timeline} against a clock and reports what aired. Transitions happen at the planned
 * instants however coarse the ticks are; the first event is joined in progress (offset = now − start). An asset
 * reported missing follows the event's fallback chain (SUBSTITUTED), or is SKIPPED when the chain is exhausted.
 * Injected faults (late start, early end, skip) are chosen per event from a seed, so a run is repeatable.
 */
public final class PlayoutEngine {

    private final UUID channelId;
    private final Timeline timeline;
    private final Set<UUID> missing;
    private final double faultRate;
    private final long faultSeed;
    private final Duration shift;
    private final Consumer<AsRunRecorded> asRun;
    private Instant lastTick;
    private Playing playing;
    private UUID lastPlayed;

    /** The event on air and how it is being played. */
    private record Playing(PlaylogEventPayload event, UUID asset, Instant actualStart, String status, String reason, Fault fault) {
    }

    private enum Fault { NONE, LATE_START, EARLY_END, SKIP }

    public PlayoutEngine(UUID channelId, Timeline timeline, Set<UUID> missing, double faultRate, long faultSeed, Duration shift,
            Consumer<AsRunRecorded> asRun) {
        this.channelId = channelId;
        this.timeline = timeline;
        this.missing = missing;
        this.faultRate = faultRate;
        this.faultSeed = faultSeed;
        this.shift = shift;
        this.asRun = asRun;
    }

    public Timeline timeline() {
        return timeline;
    }

    /** Advances playout to {@code now}, reporting every event that finished on the way. */
    public void tick(Instant now) {
        if (lastTick == null) {
            timeline.at(now).ifPresent(e -> start(e, now, "joined in progress at offset " + Duration.between(e.startUtc(), now).toMillis() + " ms"));
            lastTick = now;
            return;
        }
        for (PlaylogEventPayload next : toList(timeline.startingBetween(lastTick, now))) {
            finish(next.startUtc());
            start(next, next.startUtc(), null);
        }
        if (playing != null && !playing.event().endUtc().isAfter(now)) {
            finish(playing.event().endUtc());
        }
        if (playing == null) {
            timeline.at(now).filter(e -> e.startUtc().isBefore(lastTick) && !e.uuid().equals(lastPlayed))
                    .ifPresent(e -> start(e, now, "joined in progress at offset " + Duration.between(e.startUtc(), now).toMillis() + " ms"));
        }
        lastTick = now;
    }

    private void start(PlaylogEventPayload event, Instant at, String note) {
        if (event.kind() == EventKind.GAP) {
            playing = null;
            return;
        }
        lastPlayed = event.uuid();
        Fault fault = faultFor(event.uuid());
        UUID asset = event.assetUuid();
        String status = "AIRED";
        String reason = note;
        if (missing.contains(asset)) {
            UUID substitute = event.fallback().stream().filter(f -> !missing.contains(f)).findFirst().orElse(null);
            status = substitute == null ? "SKIPPED" : "SUBSTITUTED";
            reason = "asset " + asset + " missing; " + (substitute == null ? "fallback chain exhausted" : "played fallback " + substitute);
            asset = substitute == null ? asset : substitute;
        }
        if (fault == Fault.SKIP) {
            status = "SKIPPED";
            reason = "injected fault: skipped";
        }
        Instant actualStart = fault == Fault.LATE_START ? at.plus(shift) : at;
        playing = new Playing(event, asset, actualStart, status, reason, fault);
    }

    private void finish(Instant at) {
        if (playing == null) {
            return;
        }
        Playing p = playing;
        playing = null;
        Instant end = p.fault() == Fault.EARLY_END ? at.minus(shift) : at;
        String status = p.fault() == Fault.EARLY_END ? "TRUNCATED" : p.status();
        String reason = p.fault() == Fault.EARLY_END ? "injected fault: ended early" : p.fault() == Fault.LATE_START ? "injected fault: late start"
                : p.reason();
        Instant start = p.actualStart();
        Instant stop = "SKIPPED".equals(status) ? start : end.isBefore(start) ? start : end;
        UUID id = UUID.nameUUIDFromBytes(("asrun/" + p.event().uuid() + "/" + p.event().startUtc()).getBytes(StandardCharsets.UTF_8));
        asRun.accept(new AsRunRecorded(id, channelId, p.event().uuid(), p.asset(), start, stop, status, reason, null));
    }

    private Fault faultFor(UUID event) {
        if (faultRate <= 0) {
            return Fault.NONE;
        }
        long h = event.getMostSignificantBits() ^ event.getLeastSignificantBits() ^ faultSeed;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        double u = (h >>> 11) * 0x1.0p-53;
        if (u >= faultRate) {
            return Fault.NONE;
        }
        return Fault.values()[1 + (int) ((h & 0xff) % 3)];
    }

    private static <T> List<T> toList(Iterable<T> items) {
        List<T> out = new java.util.ArrayList<>();
        items.forEach(out::add);
        return out;
    }
}
