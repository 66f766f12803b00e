package io.continuity.library;

import static io.continuity.testing.Tokens.asScheduler;
import static io.continuity.testing.Tokens.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.continuity.events.AssetMedia;
import io.continuity.events.AssetUpserted;
import io.continuity.library.ScanReport.Action;
import io.continuity.resolver.core.AssetKind;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Imports a small library of real clips (in {@code target/test-library}, the test profile's library folder) with
 * {@code bin/library-scan} through the real broker into the real catalog: a dry run publishes and records nothing, the
 * assets appear over REST with ffprobe's duration and their {@code media}, a removed file's asset is retired, and a
 * record with a bad {@code media.uri} is dead-lettered naming the field.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class LibraryImportIntegrationTest {

    private static Path library;
    private static KafkaTestClient kafka;

    @Inject
    LibraryService service;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void makeLibrary() throws IOException {
        library = Path.of("target/test-library").toAbsolutePath();
        deleteLibrary();
        Path clip = TestClips.make(library.resolve("Cheers/Season 06/Cheers - S06E12 - Christmas Cheers.mkv"), 2, 440);
        TestClips.make(library.resolve("Movie (1999).mkv"), 3, 660);
        TestClips.copyWithTrailer(clip, library.resolve("filler/Station Ident.mkv"), "ident");
        Files.createFile(library.resolve("empty.mkv"));
        kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers());
    }

    @AfterAll
    static void removeLibrary() throws IOException {
        kafka.close();
        deleteLibrary();
    }

    private static void deleteLibrary() throws IOException {
        if (!Files.exists(library)) {
            return;
        }
        try (Stream<Path> files = Files.walk(library)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Runs {@code bin/library-scan} with {@code args} against the service under test; returns the report it prints. */
    private JsonNode libraryScan(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", "bin/library-scan"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("TOKEN", Tokens.scheduler());
        builder.environment().put("CONTINUITY_URL", "http://localhost:" + base.getPort());
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
        return new ObjectMapper().readTree(out);
    }

    @Test
    void importsTheLibraryFromTheCommandLineIntoTheCatalogAndRetiresWhatIsRemoved() throws Exception {
        JsonNode dryRun = libraryScan("--dry-run");
        JsonNode dryRunAgain = libraryScan("--dry-run");

        assertThat(dryRun.path("dry_run").asBoolean()).isTrue();
        assertThat(dryRun.path("changes").findValuesAsText("action")).containsOnly("NEW").hasSize(3);
        assertThat(dryRunAgain.path("changes").findValuesAsText("action")).as("a dry run records nothing").containsOnly("NEW").hasSize(3);

        JsonNode report = libraryScan();

        assertThat(report.path("changes").findValuesAsText("action")).containsOnly("NEW").hasSize(3);
        assertThat(report.path("changes").findValuesAsText("kind")).containsExactlyInAnyOrder("episode", "movie", "filler");
        assertThat(report.path("problems").findValuesAsText("path")).containsExactly(library.resolve("empty.mkv").toString());
        assertThat(report.path("changes").findValuesAsText("asset_uuid")).isEqualTo(dryRun.path("changes").findValuesAsText("asset_uuid"));
        String movie = null;
        for (JsonNode change : report.path("changes")) {
            Path file = Path.of(change.path("path").asText());
            String uuid = change.path("asset_uuid").asText();
            if (file.endsWith("Movie (1999).mkv")) {
                movie = uuid;
                assertThat(change.path("duration_ms").asLong()).isBetween(2_990L, 3_100L);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asViewer().get("/api/v1/assets/{id}", uuid).then()
                    .statusCode(200)
                    .body("duration_ms", equalTo(change.path("duration_ms").asInt()))
                    .body("kind", equalTo(change.path("kind").asText()))
                    .body("media.uri", equalTo(file.toUri().toString()))
                    .body("media.size_bytes", equalTo((int) Files.size(file)))
                    .body("media.video_codec", equalTo("h264"))
                    .body("media.audio_codec", equalTo("aac"))
                    .body("media.frame_rate", equalTo("25/1"))
                    .body("media.width", equalTo(320)));
        }
        String movieUuid = movie;

        Files.delete(library.resolve("Movie (1999).mkv"));
        ScanReport rescan = service.scan(false);

        assertThat(rescan.changes()).extracting(ScanReport.Change::action, c -> c.assetUuid().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Action.REMOVED, movieUuid));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asViewer().get("/api/v1/assets/{id}", movieUuid).then()
                .statusCode(404));
        assertThat(libraryScan("--latest").path("changes").findValuesAsText("action")).containsExactly("REMOVED");
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
        asViewer().post("/api/v1/library/scans").then().statusCode(403);
    }
}
