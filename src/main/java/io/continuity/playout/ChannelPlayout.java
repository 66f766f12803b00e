package io.continuity.playout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.continuity.events.AsRunRecorded;
import io.continuity.events.PlaylogEventPayload;
import io.continuity.playout.Renderer.Rendering;
import io.continuity.playout.Renderer.Segment;
import io.continuity.resolver.core.EventKind;
import io.continuity.simulator.Timeline;

/**
 * Plays one channel's {@link Timeline} as a live HLS stream. The output timeline is a list of pieces, each a stretch of one event
 * (or of slate) rendered by its own encoder ahead of time; a segment is published, with its program date-time, once the clock has
 * passed its end, exactly as a live encoder would list it. An item's first segment is dated at the item's planned start, so the
 * first frame of every item is where the playlog puts it. A change of the timeline (override, new day version) cuts the pieces
 * from the first instant where they no longer match it, but never before {@code now + joinDelay}. A file that ends before its piece
 * does leaves the rest of the piece to the slate, so the stream never stops. As-run is reported per event from the published segments
 * of its asset: the first one's date-time is the actual start, the last one's end the actual end.
 */
public final class ChannelPlayout {

    private static final Logger LOG = Logger.getLogger(ChannelPlayout.class);
    private static final int MAX_REASON = 2000;

    private final UUID channelId;
    private final Timeline timeline = new Timeline();
    private final MediaLibrary media;
    private final Renderer renderer;
    private final LivePlaylist playlist;
    private final Path workDir;
    private final Settings settings;
    private final Duration segmentDuration;
    private final Consumer<AsRunRecorded> asRun;
    private final List<Piece> pieces = new ArrayList<>();
    private Instant cursor;
    private long pieceCount;
    private Airing airing;

    /** Timing of one channel: see {@link PlayoutConfig}. {@code tolerance} is one frame: shorter differences are not reported. */
    public record Settings(Duration lead, Duration joinDelay, Duration slateChunk, Duration tolerance) {
    }

    /** One stretch of the output: an event's asset (or slate) from {@code start} to {@code end}, rendered by one encoder. */
    private static final class Piece {
        final long id;
        PlaylogEventPayload event;
        final UUID asset;
        final Instant start;
        Instant end;
        final String status;
        final String reason;
        final List<UUID> untried;
        final List<String> notes;
        Rendering rendering;
        Path dir;
        int published;
        long publishedMicros;
        int limit = Integer.MAX_VALUE;
        boolean cut;
        /** Slate standing in for the rest of the event after its file ended early: shown, never reported as the event. */
        boolean fill;
        /** Whether a finished encoder's output was compared with the piece's length. */
        boolean measured;

        Piece(long id, PlaylogEventPayload event, UUID asset, Instant start, Instant end, String status, String reason, List<UUID> untried,
                List<String> notes) {
            this.id = id;
            this.event = event;
            this.asset = asset;
            this.start = start;
            this.end = end;
            this.status = status;
            this.reason = reason;
            this.untried = untried;
            this.notes = notes;
        }

        boolean slate() {
            return asset == null;
        }

        boolean reportable() {
            return event != null && event.kind() != EventKind.GAP && !fill;
        }
    }

    /** What aired of one event so far. */
    private static final class Airing {
        PlaylogEventPayload event;
        final UUID asset;
        final Instant start;
        Instant end;
        final String status;
        final String reason;
        boolean cut;

        Airing(PlaylogEventPayload event, UUID asset, Instant start, String status, String reason) {
            this.event = event;
            this.asset = asset;
            this.start = start;
            this.end = start;
            this.status = status;
            this.reason = reason;
        }
    }

    public ChannelPlayout(UUID channelId, MediaLibrary media, Renderer renderer, Path channelDir, int windowSegments, Duration segmentDuration,
            Settings settings, Consumer<AsRunRecorded> asRun) {
        this.channelId = channelId;
        this.media = media;
        this.renderer = renderer;
        this.playlist = new LivePlaylist(channelDir, windowSegments, segmentDuration);
        this.workDir = channelDir.resolve("work");
        this.settings = settings;
        this.segmentDuration = segmentDuration;
        this.asRun = asRun;
    }

    public UUID channelId() {
        return channelId;
    }

    public Timeline timeline() {
        return timeline;
    }

    public LivePlaylist playlist() {
        return playlist;
    }

    /** Starts encoders that are due and publishes the segments whose end has passed. */
    public void tick(Instant now) {
        if (cursor == null) {
            cursor = now.plus(settings.joinDelay()).truncatedTo(ChronoUnit.MILLIS);
            LOG.infof("Channel %s: playout starts at %s", channelId, cursor);
        }
        while (cursor.isBefore(now.plus(settings.lead()))) {
            Piece piece = plan(cursor);
            pieces.add(piece);
            cursor = piece.end;
        }
        publish(now);
    }

    /** After the timeline changed: cuts the planned output where it no longer matches, never before {@code now + joinDelay}. */
    public void changed(Instant now) {
        if (cursor == null) {
            return;
        }
        Instant keep = now.plus(settings.joinDelay()).truncatedTo(ChronoUnit.MILLIS);
        Instant cutAt = null;
        for (Piece p : pieces) {
            retarget(p);
            if (p.end.isAfter(keep)) {
                Instant from = later(p.start, keep);
                Instant valid = validUntil(p, from);
                if (valid.isBefore(p.end)) {
                    boolean due = valid.equals(from) && from.isAfter(p.start);
                    cutAt = due ? boundary(p, now.plus(settings.joinDelay().dividedBy(2)).truncatedTo(ChronoUnit.MILLIS)) : valid;
                    break;
                }
            }
        }
        if (cutAt != null) {
            LOG.infof("Channel %s: the playlog changed; output from %s follows the new timeline", channelId, cutAt);
            cut(cutAt);
        }
    }

    /** Stops every encoder; safe to call from another thread than the one that ticks, as a last resort at shutdown. */
    public void stop() {
        List.copyOf(pieces).forEach(p -> p.rendering.stop());
    }

    private Piece plan(Instant from) {
        Optional<PlaylogEventPayload> on = timeline.at(from);
        if (on.isEmpty()) {
            Instant end = from.plus(settings.slateChunk());
            for (PlaylogEventPayload next : timeline.startingBetween(from, end)) {
                end = next.startUtc();
                break;
            }
            return render(new Piece(++pieceCount, null, null, from, end, null, null, List.of(), List.of()));
        }
        PlaylogEventPayload event = on.get();
        if (event.kind() == EventKind.GAP) {
            return render(new Piece(++pieceCount, event, null, from, event.endUtc(), null, null, List.of(), List.of()));
        }
        Set<UUID> candidates = new LinkedHashSet<>();
        candidates.add(event.assetUuid());
        candidates.addAll(event.fallback() == null ? List.of() : event.fallback());
        candidates.remove(null);
        return choose(event, from, event.endUtc(), new ArrayList<>(candidates), List.of());
    }

    /** The first available candidate for the stretch, or slate and SKIPPED when none is. */
    private Piece choose(PlaylogEventPayload event, Instant from, Instant end, List<UUID> candidates, List<String> notes) {
        List<String> why = new ArrayList<>(notes);
        for (int i = 0; i < candidates.size(); i++) {
            UUID asset = candidates.get(i);
            if (media.locate(asset).isPresent()) {
                boolean planned = asset.equals(event.assetUuid());
                String reason = planned && why.isEmpty() ? null : String.join("; ", why) + (planned ? "" : "; played fallback " + asset);
                return render(new Piece(++pieceCount, event, asset, from, end, planned ? "AIRED" : "SUBSTITUTED", reason,
                        List.copyOf(candidates.subList(i + 1, candidates.size())), List.copyOf(why)));
            }
            why.add("asset " + asset + " has no playable file");
        }
        LOG.warnf("Channel %s: event %s skipped, nothing of it can be played (%s)", channelId, event.uuid(), String.join("; ", why));
        return render(new Piece(++pieceCount, event, null, from, end, "SKIPPED", String.join("; ", why) + "; fallback list exhausted", List.of(),
                List.copyOf(why)));
    }

    private Piece render(Piece p) {
        long durationMs = Duration.between(p.start, p.end).toMillis();
        p.dir = workDir.resolve("p" + p.id);
        Renderer.RenderJob job;
        if (p.slate()) {
            job = Renderer.RenderJob.slate(durationMs, "slate " + p.start);
        } else {
            long offset = p.event.offsetMs() + Duration.between(p.event.startUtc(), p.start).toMillis();
            job = new Renderer.RenderJob(media.locate(p.asset).orElseThrow(), offset, durationMs, "asset " + p.asset + " at " + p.start);
        }
        p.rendering = renderer.start(job, p.dir);
        return p;
    }

    /** A piece whose encoder failed before its first segment plays the event's next fallback instead. */
    private void replaceFailed() {
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            if (!p.slate() && p.published == 0 && p.rendering.failed() && p.rendering.segments().isEmpty()) {
                LOG.warnf("Channel %s: asset %s did not play: %s", channelId, p.asset, p.rendering.error());
                List<String> notes = new ArrayList<>(p.notes);
                notes.add("asset " + p.asset + " unreadable (" + p.rendering.error() + ")");
                pieces.set(i, choose(p.event, p.start, p.end, p.untried, notes));
                delete(p.dir);
            }
        }
    }

    /**
     * A file that ended more than a frame before its piece's end: the piece ends with the file, and slate fills the rest of the
     * event's time up to the piece's end (the event is reported SHORT at the file's end).
     */
    private void fillShortFiles() {
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            if (p.slate() || p.measured || p.limit != Integer.MAX_VALUE || !p.rendering.finished()) {
                continue;
            }
            List<Segment> segments = p.rendering.segments();
            if (segments.isEmpty()) {
                continue;
            }
            p.measured = true;
            Instant fileEnd = p.start.plus(segments.stream().mapToLong(Segment::durationMicros).sum(), ChronoUnit.MICROS);
            if (fileEnd.plus(settings.tolerance()).isBefore(p.end)) {
                LOG.infof("Channel %s: asset %s ended at %s, %d ms before its piece; slate until %s", channelId, p.asset, fileEnd,
                        Duration.between(fileEnd, p.end).toMillis(), p.end);
                Piece fill = new Piece(++pieceCount, p.event, null, fileEnd, p.end, null, null, List.of(), List.of());
                fill.fill = true;
                p.end = fileEnd;
                pieces.add(i + 1, render(fill));
            }
        }
    }

    private void publish(Instant now) {
        replaceFailed();
        fillShortFiles();
        while (!pieces.isEmpty()) {
            Piece p = pieces.get(0);
            boolean done = p.rendering.finished() || p.limit != Integer.MAX_VALUE;
            List<Segment> segments = p.rendering.segments();
            int available = Math.min(segments.size(), p.limit);
            while (p.published < available) {
                Segment s = segments.get(p.published);
                Instant at = p.start.plus(p.publishedMicros, ChronoUnit.MICROS);
                Instant end = at.plus(s.durationMicros(), ChronoUnit.MICROS);
                if (end.isAfter(now)) {
                    return;
                }
                if (p.published == 0) {
                    begin(p, at);
                }
                playlist.add(s.file(), at, s.durationMicros(), p.published == 0);
                p.published++;
                p.publishedMicros += s.durationMicros();
                if (airing != null && p.reportable() && airing.event.uuid().equals(p.event.uuid())) {
                    airing.end = end;
                }
            }
            if (!done) {
                return;
            }
            finish(p);
            pieces.remove(0);
        }
    }

    private void begin(Piece p, Instant at) {
        if (airing != null && (!p.reportable() || !airing.event.uuid().equals(p.event.uuid()))) {
            report(airing);
            airing = null;
        }
        if ("SKIPPED".equals(p.status)) {
            report(new Airing(p.event, p.event.assetUuid(), at, p.status, p.reason));
        } else if (p.reportable() && airing == null) {
            String reason = p.reason;
            long late = Duration.between(p.event.startUtc(), at).toMillis();
            if (late > settings.tolerance().toMillis()) {
                reason = (reason == null ? "" : reason + "; ") + "joined in progress at offset " + (p.event.offsetMs() + late) + " ms";
            }
            airing = new Airing(p.event, p.asset, at, p.status, reason);
        }
    }

    private void finish(Piece p) {
        if (airing != null && p.reportable() && airing.event.uuid().equals(p.event.uuid())) {
            airing.event = p.event;
            airing.cut |= p.cut;
            boolean continues = pieces.size() > 1 && pieces.get(1).event != null && pieces.get(1).event.uuid().equals(p.event.uuid());
            if (!continues) {
                report(airing);
                airing = null;
            }
        }
        delete(p.dir);
    }

    private void report(Airing a) {
        String status = a.status;
        String reason = a.reason;
        Instant plannedEnd = a.event.endUtc();
        if (!"SKIPPED".equals(status) && a.end.plus(settings.tolerance()).isBefore(plannedEnd)) {
            long missing = Duration.between(a.end, plannedEnd).toMillis();
            status = a.cut ? "TRUNCATED" : "SHORT";
            reason = (reason == null ? "" : reason + "; ") + (a.cut ? "cut " + missing + " ms early by a change of the playlog"
                    : "the file ended " + missing + " ms before the planned end");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON - 1) + "…";
        }
        UUID id = UUID.nameUUIDFromBytes(("playout/" + a.event.uuid() + "/" + a.event.startUtc()).getBytes(StandardCharsets.UTF_8));
        LOG.infof("Channel %s: %s %s (asset %s) %s – %s%s", channelId, status, a.event.uuid(), a.asset, a.start, a.end,
                reason == null ? "" : " – " + reason);
        asRun.accept(new AsRunRecorded(id, channelId, a.event.uuid(), a.asset, a.start, a.end, status, reason, null));
    }

    /** Until when piece {@code p} still shows what the timeline says, looking from {@code t}; {@code t} itself when not even there. */
    private Instant validUntil(Piece p, Instant t) {
        Optional<PlaylogEventPayload> on = timeline.at(t);
        if (p.event == null) {
            if (on.isPresent()) {
                return t;
            }
            for (PlaylogEventPayload next : timeline.startingBetween(t, p.end)) {
                return next.startUtc();
            }
            return p.end;
        }
        if (on.isEmpty() || !sameContent(p.event, on.get(), t)) {
            return t;
        }
        if (airing != null && airing.event.uuid().equals(p.event.uuid())) {
            airing.event = on.get();
        }
        p.event = on.get();
        return earlier(p.end, on.get().endUtc());
    }

    /** A piece whose content the new timeline keeps under another event (an override re-issues the part before it) reports that event. */
    private void retarget(Piece p) {
        if (p.event == null) {
            return;
        }
        timeline.at(p.start).filter(e -> !e.uuid().equals(p.event.uuid()) && sameContent(p.event, e, p.start)).ifPresent(e -> {
            if (airing != null && airing.event.uuid().equals(p.event.uuid())) {
                airing.event = e;
            }
            p.event = e;
        });
    }

    private static boolean sameContent(PlaylogEventPayload planned, PlaylogEventPayload now, Instant t) {
        if (planned.uuid().equals(now.uuid())) {
            return planned.startUtc().equals(now.startUtc()) && planned.offsetMs() == now.offsetMs();
        }
        boolean gaps = planned.kind() == EventKind.GAP && now.kind() == EventKind.GAP;
        return gaps || Objects.equals(planned.assetUuid(), now.assetUuid()) && planned.kind() != EventKind.GAP && now.kind() != EventKind.GAP
                && planned.offsetMs() + Duration.between(planned.startUtc(), t).toMillis() == now.offsetMs() + Duration.between(now.startUtc(), t).toMillis();
    }

    private void cut(Instant at) {
        List<Piece> continuation = new ArrayList<>();
        for (Piece p : List.copyOf(pieces)) {
            if (!p.end.isAfter(at)) {
                continue;
            }
            if (!p.start.isBefore(at)) {
                p.rendering.stop();
                pieces.remove(p);
                delete(p.dir);
                continue;
            }
            List<Segment> segments = p.rendering.segments();
            p.rendering.stop();
            long kept = 0;
            int count = 0;
            while (count < segments.size() && !p.start.plus(kept + segments.get(count).durationMicros(), ChronoUnit.MICROS).isAfter(at)) {
                kept += segments.get(count++).durationMicros();
            }
            Instant keptEnd = p.start.plus(kept, ChronoUnit.MICROS);
            if (count == 0) {
                pieces.remove(p);
                delete(p.dir);
            } else {
                p.limit = count;
                p.end = keptEnd;
                p.cut = true;
            }
            if (keptEnd.isBefore(at)) {
                Piece rest = new Piece(++pieceCount, p.event, p.asset, keptEnd, at, p.status, p.reason, p.untried, p.notes);
                rest.cut = true;
                rest.fill = p.fill;
                continuation.add(render(rest));
            }
        }
        pieces.addAll(continuation);
        pieces.sort(Comparator.comparing(p -> p.start));
        cursor = at;
    }

    /**
     * A change that is already due cuts the piece on air at its first segment boundary from {@code from} on (half the join delay
     * from now), not in the middle of a segment: no sliver of a segment and no second encoder for it.
     */
    private Instant boundary(Piece p, Instant from) {
        long rendered = 0;
        for (Segment s : p.rendering.segments()) {
            rendered += s.durationMicros();
            Instant end = p.start.plus(rendered, ChronoUnit.MICROS);
            if (!end.isBefore(from)) {
                return earlier(end, p.end);
            }
        }
        if (!from.isAfter(p.start)) {
            return p.start;
        }
        long segment = segmentDuration.toMillis();
        long k = (Duration.between(p.start, from).toMillis() + segment - 1) / segment;
        return earlier(p.start.plusMillis(k * segment), p.end);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("Could not remove %s: %s", dir, e.getMessage());
        }
    }
}
