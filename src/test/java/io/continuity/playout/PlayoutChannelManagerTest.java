package io.continuity.playout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.continuity.events.AsRunRecorded;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.DayPublished;
import io.continuity.events.EventJson;
import io.continuity.events.PlaylogEventPayload;
import io.continuity.playout.TestMedia.Colour;
import io.continuity.resolver.core.EventKind;
import io.continuity.testing.EmbeddedKafka;
import io.continuity.testing.KafkaTestClient;
import jakarta.validation.Validation;

/**
 * The playout ChannelManager on a real broker: it learns an asset's file from {@code asset.upserted.v1}'s {@code media.uri},
 * plays the published ScheduleDay and its next version (from the instant it differs on), serves it at {@code /hls/{channel_id}/live.m3u8} and reports as-run to
 * {@code continuity.as-run} with the start instants the stream shows; stopped after its broker is gone (as when the local run
 * ends), it leaves no encoder running.
 */
class PlayoutChannelManagerTest {

    private static final UUID CHANNEL = UUID.fromString("9a7e0000-0000-4000-8000-000000000002");
    private static final UUID RED = UUID.fromString("9a7e0000-0000-4000-8000-0000000000b1");
    private static final UUID GREEN = UUID.fromString("9a7e0000-0000-4000-8000-0000000000b2");

    @TempDir
    Path dir;

    @Test
    void playsAPublishedDayFromKafkaServesItOverHttpAndReportsAsRun() throws Exception {
        Path library = Files.createDirectories(dir.resolve("library"));
        TestMedia.clip(library.resolve(RED + ".mp4"), Colour.RED, 6, "RED");
        Path green = TestMedia.clip(dir.resolve("green.mp4"), Colour.GREEN, 6, "GREEN");
        TestPlayoutConfig config = new TestPlayoutConfig(dir.resolve("hls"), Optional.of(library), EncodingMode.TRANSCODE, 6);
        CloudEventCodec codec = new CloudEventCodec(Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator());
        Clock clock = Clock.systemUTC();
        EmbeddedKafka broker = EmbeddedKafka.start(0);
        PlayoutChannelManager manager = new PlayoutChannelManager(config, Map.of("bootstrap.servers", broker.bootstrapServers()), codec, clock);
        try (KafkaTestClient kafka = new KafkaTestClient(broker.bootstrapServers())) {
            kafka.sendRaw("continuity.catalog-events", GREEN.toString(), CloudEventCodec.ceHeaders("continuity.asset.upserted.v1", UUID.randomUUID().toString(),
                    clock.instant(), "urn:test"), ("{\"asset_uuid\":\"" + GREEN + "\",\"title\":\"Green\",\"kind\":\"episode\",\"duration_ms\":6000,"
                            + "\"media\":{\"uri\":\"" + green.toUri() + "\",\"container\":\"mp4\"}}").getBytes(StandardCharsets.UTF_8));
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Instant dayStart = now.minusSeconds(10);
            Instant dayEnd = now.plusSeconds(300);
            kafka.send(CHANNEL.toString(), new DayPublished(CHANNEL, LocalDate.now(), UUID.randomUUID(), 1, dayStart, dayEnd, null,
                    List.of(gap(dayStart, dayEnd))));
            manager.onStart(null);
            await().atMost(Duration.ofSeconds(60)).until(() -> manager.channel(CHANNEL).isPresent());
            Instant t0 = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(6);
            PlaylogEventPayload red = new PlaylogEventPayload(UUID.randomUUID(), RED, EventKind.PROGRAM, t0, t0.plusSeconds(4), 0, null, null, "red",
                    List.of());
            PlaylogEventPayload greenEvent = new PlaylogEventPayload(UUID.randomUUID(), GREEN, EventKind.FILLER, t0.plusSeconds(4), t0.plusSeconds(8), 0,
                    null, null, "green", List.of());
            kafka.send(CHANNEL.toString(), new DayPublished(CHANNEL, LocalDate.now(), UUID.randomUUID(), 2, dayStart, dayEnd, null,
                    List.of(gap(dayStart, t0), red, greenEvent, gap(t0.plusSeconds(8), dayEnd))));
            await().atMost(Duration.ofSeconds(45)).until(() -> asRun(kafka).size() >= 2);
            assertThat(asRun(kafka)).extracting(AsRunRecorded::playlogEventUuid, AsRunRecorded::assetUuid, AsRunRecorded::status,
                    AsRunRecorded::actualStartUtc).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(red.uuid(), RED, "AIRED", red.startUtc()),
                            org.assertj.core.groups.Tuple.tuple(greenEvent.uuid(), GREEN, "AIRED", greenEvent.startUtc()));

            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + manager.port() + "/hls/" + CHANNEL + "/";
            HttpResponse<String> playlist = http.send(HttpRequest.newBuilder(URI.create(base + "live.m3u8")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(playlist.statusCode()).isEqualTo(200);
            assertThat(playlist.headers().firstValue("Content-Type")).contains("application/vnd.apple.mpegurl");
            assertThat(playlist.body()).contains("#EXT-X-PROGRAM-DATE-TIME:", "#EXT-X-DISCONTINUITY");
            String segment = playlist.body().lines().filter(l -> l.startsWith("seg-")).reduce((a, b) -> b).orElseThrow();
            HttpResponse<byte[]> ts = http.send(HttpRequest.newBuilder(URI.create(base + segment)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(ts.statusCode()).isEqualTo(200);
            assertThat(ts.body()[0]).as("an MPEG-TS sync byte").isEqualTo((byte) 0x47);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "../../etc/passwd")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).isEqualTo(404);
        } finally {
            broker.close();
            manager.onStop(null);
        }
        assertThat(ProcessHandle.current().children().filter(p -> p.info().command().orElse("").endsWith("ffmpeg")).toList())
                .as("encoders left running after the ChannelManager stopped with its broker gone (as when the local run ends)").isEmpty();
    }

    private static PlaylogEventPayload gap(Instant start, Instant end) {
        return new PlaylogEventPayload(UUID.randomUUID(), null, EventKind.GAP, start, end, 0, null, null, null, List.of());
    }

    private static List<AsRunRecorded> asRun(KafkaTestClient kafka) {
        return kafka.readAll("continuity.as-run", 1000, Duration.ofMillis(500)).stream().filter(r -> CHANNEL.toString().equals(r.key())).map(r -> {
            try {
                return EventJson.mapper().readValue(r.value(), AsRunRecorded.class);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).sorted(java.util.Comparator.comparing(AsRunRecorded::actualStartUtc)).toList();
    }
}
