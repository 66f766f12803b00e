package io.continuity.api;

import static io.continuity.testing.Tokens.asScheduler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.continuity.events.CloudEventCodec;
import io.continuity.events.EventType;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Fixtures;
import io.continuity.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * REST commands against the real broker and database: each publishes its event, waits for the consumer and answers
 * with what the projection now holds; a refused body is the same problem+json a Kafka producer finds in the DLQ.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class CommandApiTest {

    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void creatingAChannelAnswers201WithWhatTheProjectionHolds() {
        Response created = post("/api/v1/channels", channelBody());
        created.then().statusCode(201).body("version", equalTo(1)).body("retired", equalTo(false));
        String id = created.path("channel_id");
        assertThat(created.header("Location")).endsWith("/api/v1/channels/" + id);
        Map<String, Object> read = asScheduler().get("/api/v1/channels/{id}", id).then().statusCode(200).extract().as(Map.class);
        assertThat(created.as(Map.class)).isEqualTo(read);
        assertThat(asScheduler().get("/api/v1/channels").then().statusCode(200).extract().<List<String>>path("channel_id")).contains(id);
    }

    @Test
    void updatingAndRetiringAChannel() {
        String id = post("/api/v1/channels", channelBody()).then().statusCode(201).extract().path("channel_id");
        Map<String, Object> change = channelBody();
        change.put("title", "Renamed");
        change.put("expected_version", 1);
        put("/api/v1/channels/" + id, change).then().statusCode(200).body("title", equalTo("Renamed")).body("version", equalTo(2));

        asScheduler().delete("/api/v1/channels/{id}", id).then().statusCode(200).body("retired", equalTo(true)).body("version", equalTo(3));
        asScheduler().get("/api/v1/channels/{id}", id).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        assertThat(asScheduler().get("/api/v1/channels?include_retired=true").then().extract().<List<String>>path("channel_id")).contains(id);
    }

    @Test
    void aStaleExpectedVersionIs409() {
        String id = post("/api/v1/channels", channelBody()).then().statusCode(201).extract().path("channel_id");
        Map<String, Object> change = channelBody();
        change.put("expected_version", 7);
        put("/api/v1/channels/" + id, change).then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("version_conflict")).body("field", equalTo("expected_version"));
        Map<String, Object> again = channelBody();
        again.put("channel_id", id);
        post("/api/v1/channels", again).then().statusCode(409).body("code", equalTo("version_conflict"));
        asScheduler().delete("/api/v1/channels/{id}?expected_version=5", id).then().statusCode(409);
    }

    @Test
    void aBodyTheContractRefusesIs400NamingTheFieldExactlyAsTheDeadLetterDoes() {
        Map<String, Object> badSlug = channelBody();
        badSlug.put("slug", "Not Kebab");
        Map<String, Object> badGrid = channelBody();
        badGrid.put("grid_block_minutes", 20);
        Map<String, Object> wrongType = channelBody();
        wrongType.put("grid_block_minutes", "30");
        Map<String, Object> unknownContentType = channelBody();
        unknownContentType.put("default_programming", Map.of("content_type", "playlist", "content_reference", Map.of("kind", "movie")));
        for (Map<String, Object> body : List.of(badSlug, badGrid, wrongType, unknownContentType)) {
            Response refused = post("/api/v1/channels", body);
            refused.then().statusCode(400).contentType(Problem.MEDIA_TYPE);
            String field = refused.path("field");
            String code = refused.path("code");
            assertThat(field).isIn("slug", "grid_block_minutes", "default_programming.content_type");

            UUID channelId = UUID.randomUUID();
            Map<String, Object> direct = new LinkedHashMap<>(body);
            direct.put("channel_id", channelId.toString());
            String ceId = UUID.randomUUID().toString();
            kafka.sendRaw("continuity.plan-events", channelId.toString(),
                    CloudEventCodec.ceHeaders(EventType.CHANNEL_CONFIGURED.ceType(), ceId, Instant.now(), "urn:test"), KafkaTestClient.json(direct));
            ConsumerRecord<String, byte[]> dead = deadLetter("continuity.plan-events.dlq", ceId);
            assertThat(header(dead, "dlq-reason-field")).as(body.toString()).isEqualTo(field);
            assertThat(header(dead, "dlq-reason")).as(body.toString()).isEqualTo(code);
        }
    }

    @Test
    void aRejectionTheConsumerMakesComesBackAndIsListed() {
        String key = "reject-" + UUID.randomUUID();
        Map<String, Object> badGrid = channelBody();
        badGrid.put("block_start_offsets_minutes", List.of(0, 20));
        asScheduler().header(CommandOptions.IDEMPOTENCY_KEY, key).contentType(ContentType.JSON).body(badGrid).post("/api/v1/channels")
                .then().statusCode(400).body("field", equalTo("block_start_offsets_minutes"));
        asScheduler().get("/api/v1/commands/{id}", key).then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("field", equalTo("block_start_offsets_minutes"));
        asScheduler().get("/api/v1/rejected-events?event_id={id}", key).then().statusCode(200)
                .body("[0].reason_field", equalTo("block_start_offsets_minutes")).body("[0].topic", equalTo("continuity.plan-events"));
    }

    @Test
    void aCommandNotAppliedInTimeIs202WithAStatusLink() {
        Response accepted = asScheduler().header("Prefer", "wait=0").contentType(ContentType.JSON).body(channelBody()).post("/api/v1/channels");
        accepted.then().statusCode(202).body("status", equalTo("PENDING"));
        String statusUrl = accepted.path("status_url");
        assertThat(accepted.header("Location")).endsWith(statusUrl);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                asScheduler().get(statusUrl).then().statusCode(200).body("status", equalTo("APPLIED")));
        asScheduler().get((String) accepted.path("resource_url")).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void aRetriedCommandWithTheSameIdempotencyKeyIsAppliedOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = channelBody();
        body.put("channel_id", UUID.randomUUID().toString());
        for (int attempt = 0; attempt < 2; attempt++) {
            asScheduler().header(CommandOptions.IDEMPOTENCY_KEY, key).contentType(ContentType.JSON).body(body).post("/api/v1/channels")
                    .then().statusCode(201).body("version", equalTo(1));
        }
    }

    @Test
    void plansLabelsAndAssignmentsThroughTheirLifecycle() {
        String channel = post("/api/v1/channels", channelBody()).then().statusCode(201).extract().path("channel_id");
        String plans = "/api/v1/channels/" + channel + "/plans";
        String plan = post(plans, Map.of("name", "Weekdays", "priority", 10, "cron_expression", "* * * * 1-5", "is_active", true))
                .then().statusCode(201).body("channel_id", equalTo(channel)).extract().path("plan_id");
        put(plans + "/" + plan, Map.of("name", "Weekdays late", "priority", 11, "cron_expression", "* * * * 1-5", "is_active", true,
                "expected_version", 1)).then().statusCode(200).body("name", equalTo("Weekdays late")).body("version", equalTo(2));
        String label = post("/api/v1/channels/" + channel + "/labels", Map.of("name", "Prime", "color", "#1f77b4")).then().statusCode(201)
                .extract().path("label_id");

        String assignments = "/api/v1/plans/" + plan + "/assignments";
        Response added = post(assignments, Map.of("start_time", "14:00", "duration", 60, "content_type", "rule",
                "content_reference", Map.of("kind", "movie"), "label_id", label));
        added.then().statusCode(201).body("channel_id", equalTo(channel)).body("content_reference.kind", equalTo("movie"));
        String assignment = added.path("assignment_id");
        assertThat(added.as(Map.class)).isEqualTo(asScheduler().get(assignments + "/" + assignment).then().statusCode(200).extract().as(Map.class));
        put(assignments + "/" + assignment, Map.of("start_time", "15:00", "duration", 30, "content_type", "series", "content_reference", "cheers"))
                .then().statusCode(200).body("start_time", equalTo("15:00")).body("version", equalTo(2));
        post(assignments, Map.of("start_time", "15:10", "duration", 30, "content_type", "series", "content_reference", "cheers"))
                .then().statusCode(400).body("code", equalTo("off_grid_start")).body("field", equalTo("start_time"));
        asScheduler().delete(assignments + "/" + assignment).then().statusCode(204);
        asScheduler().get(assignments + "/" + assignment).then().statusCode(404);

        asScheduler().delete(plans + "/" + plan).then().statusCode(200).body("is_active", equalTo(false));
        post("/api/v1/plans/" + UUID.randomUUID() + "/assignments", Map.of("start_time", "15:00")).then().statusCode(404);
    }

    @Test
    void assetsAndVirtualAssetsThroughTheirLifecycle() {
        Map<String, Object> asset = Fixtures.asMap(Fixtures.episode(UUID.randomUUID(), "cheers", 1, 1));
        asset.remove("asset_uuid");
        Response created = post("/api/v1/assets", asset);
        created.then().statusCode(201).body("eligible", equalTo(true));
        String uuid = created.path("asset_uuid");
        assertThat(created.as(Map.class)).isEqualTo(asScheduler().get("/api/v1/assets/{id}", uuid).then().statusCode(200).extract().as(Map.class));
        asset.put("approved_for_broadcast", false);
        put("/api/v1/assets/" + uuid, asset).then().statusCode(200).body("eligible", equalTo(false)).body("version", equalTo(2));
        asScheduler().delete("/api/v1/assets/{id}", uuid).then().statusCode(200).body("retired", equalTo(true));
        asScheduler().get("/api/v1/assets/{id}", uuid).then().statusCode(404);

        String virtual = post("/api/v1/virtual-assets", Map.of("title", "Double bill", "asset_uuids", List.of(uuid))).then().statusCode(201)
                .extract().path("virtual_asset_uuid");
        put("/api/v1/virtual-assets/" + virtual, Map.of("title", "Comedy hour", "rule", Map.of("genre", "comedy")))
                .then().statusCode(200).body("rule.genre", equalTo("comedy")).body("version", equalTo(2));
        post("/api/v1/virtual-assets", Map.of("title", "Both", "asset_uuids", List.of(uuid), "rule", Map.of("genre", "comedy")))
                .then().statusCode(400).body("field", equalTo("asset_uuids"));
    }

    private static Response post(String path, Object body) {
        return asScheduler().contentType(ContentType.JSON).body(body).post(path);
    }

    private static Response put(String path, Object body) {
        return asScheduler().contentType(ContentType.JSON).body(body).put(path);
    }

    private static Map<String, Object> channelBody() {
        Map<String, Object> body = Fixtures.asMap(Fixtures.channel(UUID.randomUUID()));
        body.remove("channel_id");
        return body;
    }

    private static ConsumerRecord<String, byte[]> deadLetter(String topic, String ceId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> kafka.readAll(topic, 100_000, Duration.ofSeconds(2)).stream()
                .filter(r -> ceId.equals(header(r, "ce_id"))).findFirst(), Optional::isPresent).orElseThrow();
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return r.headers().lastHeader(name) == null ? null : new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
