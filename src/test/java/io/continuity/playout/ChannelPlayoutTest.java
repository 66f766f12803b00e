package io.continuity.playout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.continuity.events.AsRunRecorded;
import io.continuity.events.DayPublished;
import io.continuity.events.EventJson;
import io.continuity.events.OverrideApplied;
import io.continuity.events.PlaylogEventPayload;
import io.continuity.playout.TestMedia.Colour;
import io.continuity.resolver.core.EventKind;
import io.continuity.resolver.core.OverrideAction;

/**
 * Plays a 24-second channel with real ffmpeg, fed straight into the playout's timeline, and checks the HLS output with ffmpeg
 * and ffprobe: every item starts at its planned instant (program date-time of its first segment, and frame count of what came
 * before), a gap shows the slate, a missing asset and an undecodable fallback are walked past to the next fallback, an INSERT
 * override applied "now" shows in the stream within the join delay, and as-run reports what the segments show.
 */
class ChannelPlayoutTest {

    private static final UUID CHANNEL = UUID.fromString("9a7e0000-0000-4000-8000-000000000001");
    private static final UUID RED = UUID.fromString("9a7e0000-0000-4000-8000-0000000000a1");
    private static final UUID GREEN = UUID.fromString("9a7e0000-0000-4000-8000-0000000000a2");
    private static final UUID YELLOW = UUID.fromString("9a7e0000-0000-4000-8000-0000000000a3");
    private static final UUID CORRUPT = UUID.fromString("9a7e0000-0000-4000-8000-0000000000a4");
    private static final UUID MISSING = UUID.fromString("9a7e0000-0000-4000-8000-0000000000a5");
    private static final Duration FRAME = Duration.ofMillis(40);

    @TempDir
    Path dir;

    @Test
    void playsTheTimelineAsLiveHlsWithItemsStartingWhereThePlaylogSays() throws Exception {
        Path library = Files.createDirectories(dir.resolve("library"));
        TestMedia.clip(library.resolve(RED + ".mp4"), Colour.RED, 12, "RED");
        TestMedia.clip(library.resolve(YELLOW + ".mp4"), Colour.YELLOW, 12, "YELLOW");
        Path elsewhere = TestMedia.clip(Files.createDirectories(dir.resolve("elsewhere")).resolve("green.mp4"), Colour.GREEN, 6, "GREEN");
        Files.write(library.resolve(CORRUPT + ".mp4"), new byte[4096]);
        TestPlayoutConfig config = new TestPlayoutConfig(dir.resolve("hls"), Optional.of(library), EncodingMode.TRANSCODE, 100);
        MediaLibrary media = new MediaLibrary(config.mediaRoot());
        media.upserted(EventJson.mapper().readTree("{\"asset_uuid\":\"" + GREEN + "\",\"title\":\"g\",\"media\":{\"uri\":\"" + elsewhere.toUri() + "\"}}"));
        List<AsRunRecorded> asRun = new CopyOnWriteArrayList<>();
        Clock clock = Clock.systemUTC();
        ChannelPlayout playout = new ChannelPlayout(CHANNEL, media, new FfmpegRenderer(config), config.outputDir().resolve(CHANNEL.toString()), 100,
                config.segmentDuration(), new ChannelPlayout.Settings(config.lead(), config.joinDelay(), Duration.ofSeconds(10), FRAME), asRun::add);

        Instant t0 = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PlaylogEventPayload joined = event(RED, EventKind.PROGRAM, t0.minusSeconds(3), t0.plusSeconds(5), 0);
        PlaylogEventPayload gap = event(null, EventKind.GAP, t0.plusSeconds(5), t0.plusSeconds(7), 0);
        PlaylogEventPayload substituted = new PlaylogEventPayload(UUID.randomUUID(), MISSING, EventKind.PROGRAM, t0.plusSeconds(7), t0.plusSeconds(11), 0,
                null, null, "missing", List.of(CORRUPT, GREEN));
        PlaylogEventPayload interrupted = event(YELLOW, EventKind.PROGRAM, t0.plusSeconds(11), t0.plusSeconds(21), 0);
        playout.timeline().apply(new DayPublished(CHANNEL, LocalDate.now(), UUID.randomUUID(), 1, t0.minusSeconds(3), t0.plusSeconds(21), null,
                List.of(joined, gap, substituted, interrupted)));

        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
        try {
            loop.scheduleWithFixedDelay(() -> playout.tick(clock.instant()), 0, 100, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> published(playout).stream().anyMatch(s -> !s.pdt().isBefore(t0.plusSeconds(11))));
            Instant appliedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            PlaylogEventPayload before = event(YELLOW, EventKind.PROGRAM, t0.plusSeconds(11), appliedAt, 0);
            PlaylogEventPayload inserted = event(RED, EventKind.OVERRIDE, appliedAt, appliedAt.plusSeconds(4), 0);
            PlaylogEventPayload resumed = event(YELLOW, EventKind.PROGRAM, appliedAt.plusSeconds(4), t0.plusSeconds(21),
                    Duration.between(t0.plusSeconds(11), appliedAt).toMillis());
            OverrideApplied override = new OverrideApplied(UUID.randomUUID(), CHANNEL, OverrideAction.INSERT, "applied", 2, List.of(interrupted.uuid()),
                    List.of(before, inserted, resumed), appliedAt);
            loop.submit(() -> playout.changed(playout.timeline().apply(override) ? clock.instant() : clock.instant())).get();
            await().atMost(Duration.ofSeconds(30)).until(() -> asRun.stream().anyMatch(r -> r.playlogEventUuid().equals(resumed.uuid())));
            loop.shutdown();
            loop.awaitTermination(5, TimeUnit.SECONDS);

            Map<UUID, AsRunRecorded> byEvent = new java.util.HashMap<>();
            asRun.forEach(r -> byEvent.put(r.playlogEventUuid(), r));
            assertThat(byEvent).containsOnlyKeys(joined.uuid(), substituted.uuid(), before.uuid(), inserted.uuid(), resumed.uuid());
            assertThat(byEvent.get(joined.uuid())).satisfies(r -> {
                assertThat(r.status()).isEqualTo("AIRED");
                assertThat(r.reason()).startsWith("joined in progress");
                assertThat(Duration.between(r.actualEndUtc(), joined.endUtc()).abs()).as("end of the joined item").isLessThan(FRAME);
            });
            assertThat(byEvent.get(substituted.uuid())).satisfies(r -> {
                assertThat(r.status()).isEqualTo("SUBSTITUTED");
                assertThat(r.assetUuid()).as("the corrupt first fallback is passed over").isEqualTo(GREEN);
                assertThat(r.reason()).contains("asset " + MISSING + " has no playable file").contains("asset " + CORRUPT + " unreadable");
            });
            assertThat(byEvent.get(before.uuid()).status()).isEqualTo("AIRED");
            assertThat(byEvent.get(resumed.uuid()).status()).isEqualTo("AIRED");
            AsRunRecorded insert = byEvent.get(inserted.uuid());
            Duration overrideToStream = Duration.between(appliedAt, insert.actualStartUtc());
            System.out.printf("Override applied at %s first shows at %s: %d ms later%n", appliedAt, insert.actualStartUtc(), overrideToStream.toMillis());
            assertThat(overrideToStream).as("an override applied now is on air from half the join delay to that plus a segment")
                    .isBetween(config.joinDelay().dividedBy(2), config.joinDelay().dividedBy(2).plus(config.segmentDuration()));
            for (PlaylogEventPayload exact : List.of(substituted, before, resumed)) {
                assertThat(byEvent.get(exact.uuid()).actualStartUtc()).as("start of %s", exact.title()).isEqualTo(exact.startUtc());
            }
            assertThat(Duration.between(byEvent.get(resumed.uuid()).actualEndUtc(), resumed.endUtc()).abs()).isLessThan(FRAME);

            List<Published> segments = published(playout);
            Map<UUID, Colour> colours = Map.of(RED, Colour.RED, GREEN, Colour.GREEN, YELLOW, Colour.YELLOW);
            for (AsRunRecorded r : asRun) {
                Published first = segments.stream().filter(s -> s.pdt().equals(r.actualStartUtc())).findFirst().orElseThrow(
                        () -> new AssertionError("no segment starts at the as-run start " + r.actualStartUtc()));
                assertThat(first.discontinuity() || segments.indexOf(first) == 0).as("an item starts a new segment after a discontinuity").isTrue();
                assertThat(TestMedia.firstFrameColour(first.file())).as("first frame of %s", r.playlogEventUuid()).isEqualTo(colours.get(r.assetUuid()));
            }
            Published slate = segments.stream().filter(s -> s.pdt().equals(gap.startUtc())).findFirst().orElseThrow();
            assertThat(TestMedia.firstFrameColour(slate.file())).as("the gap shows the slate").isEqualTo(Colour.SLATE);
            assertFramesFillEachItemToTheNextItemsStart(segments);
        } finally {
            loop.shutdownNow();
            playout.stop();
        }
    }

    @Test
    void aFileThatEndsBeforeItsEventIsFollowedBySlateUntilTheNextItem() throws Exception {
        Path library = Files.createDirectories(dir.resolve("library"));
        TestMedia.clip(library.resolve(RED + ".mp4"), Colour.RED, 2, "RED");
        TestMedia.clip(library.resolve(GREEN + ".mp4"), Colour.GREEN, 2, "GREEN");
        TestPlayoutConfig config = new TestPlayoutConfig(dir.resolve("hls"), Optional.of(library), EncodingMode.TRANSCODE, 100);
        List<AsRunRecorded> asRun = new CopyOnWriteArrayList<>();
        Clock clock = Clock.systemUTC();
        ChannelPlayout playout = new ChannelPlayout(CHANNEL, new MediaLibrary(config.mediaRoot()), new FfmpegRenderer(config),
                config.outputDir().resolve(CHANNEL.toString()), 100, config.segmentDuration(),
                new ChannelPlayout.Settings(config.lead(), config.joinDelay(), Duration.ofSeconds(10), FRAME), asRun::add);
        Instant t0 = clock.instant().truncatedTo(ChronoUnit.MILLIS).plusSeconds(3);
        PlaylogEventPayload shortFile = event(RED, EventKind.PROGRAM, t0, t0.plusSeconds(4), 0);
        PlaylogEventPayload next = event(GREEN, EventKind.PROGRAM, t0.plusSeconds(4), t0.plusSeconds(6), 0);
        playout.timeline().apply(new DayPublished(CHANNEL, LocalDate.now(), UUID.randomUUID(), 1, t0, t0.plusSeconds(6), null, List.of(shortFile, next)));

        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
        try {
            loop.scheduleWithFixedDelay(() -> playout.tick(clock.instant()), 0, 100, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> asRun.stream().anyMatch(r -> r.playlogEventUuid().equals(next.uuid())));
            loop.shutdown();
            loop.awaitTermination(5, TimeUnit.SECONDS);

            AsRunRecorded reported = asRun.stream().filter(r -> r.playlogEventUuid().equals(shortFile.uuid())).findFirst().orElseThrow();
            assertThat(reported.status()).isEqualTo("SHORT");
            assertThat(reported.reason()).contains("the file ended");
            assertThat(Duration.between(reported.actualEndUtc(), t0.plusSeconds(2)).abs()).as("the as-run ends with the file").isLessThanOrEqualTo(FRAME);
            List<Published> segments = published(playout).stream().filter(s -> !s.pdt().isBefore(t0)).toList();
            Published fill = segments.stream().filter(s -> s.pdt().equals(reported.actualEndUtc())).findFirst().orElseThrow(
                    () -> new AssertionError("no segment starts where the file ended, at " + reported.actualEndUtc()));
            assertThat(fill.discontinuity()).isTrue();
            assertThat(TestMedia.firstFrameColour(fill.file())).as("after the file, the slate").isEqualTo(Colour.SLATE);
            Published green = segments.stream().filter(s -> s.pdt().equals(next.startUtc())).findFirst().orElseThrow();
            assertThat(TestMedia.firstFrameColour(green.file())).as("the next item at its planned start").isEqualTo(Colour.GREEN);
            assertFramesFillEachItemToTheNextItemsStart(segments);
        } finally {
            loop.shutdownNow();
            playout.stop();
        }
    }

    /** Frames counted in each item's segments, 40 ms each, reach the next item's program date-time within one frame. */
    private static void assertFramesFillEachItemToTheNextItemsStart(List<Published> segments) {
        int itemStart = 0;
        for (int i = 1; i <= segments.size(); i++) {
            if (i < segments.size() && !segments.get(i).discontinuity()) {
                continue;
            }
            if (i < segments.size()) {
                long frames = segments.subList(itemStart, i).stream().mapToLong(s -> TestMedia.videoFrames(s.file())).sum();
                Duration content = FRAME.multipliedBy(frames);
                Duration span = Duration.between(segments.get(itemStart).pdt(), segments.get(i).pdt());
                assertThat(content.minus(span).abs()).as("frames of the item at %s against the next item's start", segments.get(itemStart).pdt())
                        .isLessThanOrEqualTo(FRAME);
            }
            itemStart = i;
        }
    }

    private record Published(Instant pdt, Path file, boolean discontinuity) {
    }

    private static List<Published> published(ChannelPlayout playout) throws java.io.IOException {
        Path file = playout.playlist().file();
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Published> out = new ArrayList<>();
        boolean discontinuity = false;
        Instant pdt = null;
        for (String line : Files.readAllLines(file)) {
            if (line.equals("#EXT-X-DISCONTINUITY")) {
                discontinuity = true;
            } else if (line.startsWith("#EXT-X-PROGRAM-DATE-TIME:")) {
                pdt = Instant.parse(line.substring("#EXT-X-PROGRAM-DATE-TIME:".length()));
            } else if (!line.startsWith("#") && !line.isBlank()) {
                out.add(new Published(pdt, file.resolveSibling(line), discontinuity));
                discontinuity = false;
            }
        }
        return out;
    }

    private static PlaylogEventPayload event(UUID asset, EventKind kind, Instant start, Instant end, long offsetMs) {
        return new PlaylogEventPayload(UUID.randomUUID(), asset, kind, start, end, offsetMs, null, null, kind + " " + asset, List.of());
    }
}
