package io.continuity.library;

import static io.continuity.testing.Tokens.asScheduler;
import static io.continuity.testing.Tokens.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.continuity.events.AssetMedia;
import io.continuity.events.AssetUpserted;
import io.continuity.library.ScanReport.Action;
import io.continuity.resolver.core.AssetKind;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Imports a small library of real clips through the real broker into the real catalog: the assets appear over REST
 * with ffprobe's duration and their {@code media}, a removed file's asset is retired, and a record with a bad
 * {@code media.uri} is dead-lettered naming the field.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class LibraryImportIntegrationTest {

    private static Path library;
    private static KafkaTestClient kafka;

    @Inject
    LibraryService service;

    @BeforeAll
    static void makeLibrary() throws IOException {
        library = Files.createTempDirectory("continuity-library-");
        Path clip = TestClips.make(library.resolve("Cheers/Season 06/Cheers - S06E12 - Christmas Cheers.mkv"), 2, 440);
        TestClips.make(library.resolve("Movie (1999).mkv"), 3, 660);
        TestClips.copyWithTrailer(clip, library.resolve("filler/Station Ident.mkv"), "ident");
        Files.createFile(library.resolve("empty.mkv"));
        kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers());
    }

    @AfterAll
    static void removeLibrary() throws IOException {
        kafka.close();
        try (Stream<Path> files = Files.walk(library)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void importsTheLibraryIntoTheCatalogAndRetiresWhatIsRemoved() throws IOException {
        ScanReport report = service.scan(List.of(library), false);

        assertThat(report.changes()).extracting(ScanReport.Change::action).containsOnly(Action.NEW).hasSize(3);
        assertThat(report.problems()).extracting(ScanReport.Problem::path).containsExactly(library.resolve("empty.mkv").toString());
        for (ScanReport.Change change : report.changes()) {
            Path file = Path.of(change.path());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asViewer().get("/api/v1/assets/{id}", change.assetUuid()).then()
                    .statusCode(200)
                    .body("duration_ms", equalTo(change.durationMs().intValue()))
                    .body("kind", equalTo(change.kind()))
                    .body("media.uri", equalTo(file.toUri().toString()))
                    .body("media.size_bytes", equalTo((int) Files.size(file)))
                    .body("media.video_codec", equalTo("h264"))
                    .body("media.audio_codec", equalTo("aac"))
                    .body("media.frame_rate", equalTo("25/1"))
                    .body("media.width", equalTo(320)));
        }
        ScanReport.Change movie = report.changes().stream().filter(c -> c.path().endsWith("Movie (1999).mkv")).findFirst().orElseThrow();
        assertThat(movie.durationMs()).isBetween(2_990L, 3_100L);
        assertThat(report.changes()).extracting(ScanReport.Change::kind).containsExactlyInAnyOrder("episode", "movie", "filler");

        Files.delete(Path.of(movie.path()));
        ScanReport rescan = service.scan(List.of(library), false);

        assertThat(rescan.changes()).extracting(ScanReport.Change::action, ScanReport.Change::assetUuid)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Action.REMOVED, movie.assetUuid()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asViewer().get("/api/v1/assets/{id}", movie.assetUuid()).then()
                .statusCode(404));
    }

    @Test
    void aBadMediaUriIsDeadLetteredNamingTheField() {
        UUID asset = UUID.randomUUID();
        AssetUpserted bad = new AssetUpserted(asset, "Pilot", AssetKind.EPISODE, 1_000L, null, null, null, null, null, null, null, null, null,
                null, null, "ready", true, null, null, new AssetMedia("media/pilot.mkv", null, null, null, null, null, null, null, null, null));

        String ceId = kafka.send(asset.toString(), bad);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asScheduler().get("/api/v1/rejected-events?event_id={id}", ceId).then()
                .statusCode(200).body("[0].reason_field", equalTo("media.uri")).body("[0].reason_code", equalTo("invalid_value")));
        List<ConsumerRecord<String, byte[]>> dlq = kafka.readAll("continuity.catalog-events.dlq", 10_000, Duration.ofSeconds(5));
        assertThat(dlq).filteredOn(r -> asset.toString().equals(r.key())).singleElement()
                .satisfies(r -> assertThat(new String(r.headers().lastHeader("dlq-reason-field").value(), StandardCharsets.UTF_8))
                        .isEqualTo("media.uri"));
    }

    @Test
    void theScanCommandSaysWhatIsWrongWithItsRequest() {
        asScheduler().post("/api/v1/library/scans?dry_run=maybe").then().statusCode(400).body("field", equalTo("dry_run"));
        asScheduler().post("/api/v1/library/scans?dry_run=true").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("continuity.library.paths"));
        asViewer().post("/api/v1/library/scans").then().statusCode(403);
    }
}
