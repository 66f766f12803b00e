package io.continuity.api;

import static io.continuity.testing.Tokens.asScheduler;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Each JSON field appears once under one name: a boolean is {@code is_active} / {@code is_deleted} where the v1
 * contract spells it so, and plain ({@code retired}) otherwise, never both, in the answers and in the OpenAPI document
 * (docs/decisions.md 18).
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class JsonFieldNamesTest {

    @Inject
    ObjectMapper restMapper;

    @Test
    void restAnswersForEveryInputResourceCarryEachBooleanOnce() {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        Map<String, Object> channelBody = Fixtures.asMap(Fixtures.channel(UUID.randomUUID()));
        channelBody.remove("channel_id");
        String channel = record(answers, "POST channel", post("/api/v1/channels", channelBody, 201)).path("channel_id").asText();
        String plans = "/api/v1/channels/" + channel + "/plans";
        String plan = record(answers, "POST plan", post(plans, Map.of("name", "Weekdays", "priority", 10, "cron_expression", "* * * * 1-5",
                "is_active", true), 201)).path("plan_id").asText();
        String label = record(answers, "POST label", post("/api/v1/channels/" + channel + "/labels", Map.of("name", "Prime"), 201))
                .path("label_id").asText();
        String assignments = "/api/v1/plans/" + plan + "/assignments";
        String assignment = record(answers, "POST assignment", post(assignments, Map.of("start_time", "14:00", "duration", 60,
                "content_type", "series", "content_reference", "cheers", "label_id", label), 201)).path("assignment_id").asText();
        Map<String, Object> assetBody = Fixtures.asMap(Fixtures.episode(UUID.randomUUID(), "cheers", 1, 1));
        assetBody.remove("asset_uuid");
        String asset = record(answers, "POST asset", post("/api/v1/assets", assetBody, 201)).path("asset_uuid").asText();
        String virtual = record(answers, "POST virtual asset", post("/api/v1/virtual-assets", Map.of("title", "Double bill", "asset_uuids",
                List.of(asset)), 201)).path("virtual_asset_uuid").asText();

        for (String path : List.of("/api/v1/channels", "/api/v1/channels/" + channel, plans, plans + "/" + plan,
                "/api/v1/channels/" + channel + "/labels", assignments, assignments + "/" + assignment, "/api/v1/assets?series_id=cheers",
                "/api/v1/assets/" + asset, "/api/v1/virtual-assets", "/api/v1/virtual-assets/" + virtual)) {
            record(answers, "GET " + path, asScheduler().get(path).then().statusCode(200).extract().response());
        }
        record(answers, "DELETE plan", asScheduler().delete(plans + "/" + plan).then().statusCode(200).extract().response());
        record(answers, "DELETE asset", asScheduler().delete("/api/v1/assets/" + asset).then().statusCode(200).extract().response());
        record(answers, "DELETE channel", asScheduler().delete("/api/v1/channels/" + channel).then().statusCode(200).extract().response());

        answers.forEach((request, body) -> assertThat(duplicatedBooleans(body)).as("fields named both is_x and x in the answer to %s: %s",
                request, body).isEmpty());
        assertThat(fieldNames(answers.get("DELETE channel"))).contains("retired").doesNotContain("is_retired");
        assertThat(fieldNames(answers.get("DELETE plan"))).contains("is_active").doesNotContain("active");
        assertThat(fieldNames(answers.get("DELETE asset"))).contains("is_deleted", "retired").doesNotContain("deleted", "is_retired");
    }

    @Test
    void theOpenApiDocumentNamesTheSameFields() throws IOException {
        JsonNode schemas = restMapper.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asByteArray()).path("components").path("schemas");
        assertThat(fieldNames(schemas.path("ChannelView").path("properties"))).contains("retired").doesNotContain("is_retired");
        assertThat(fieldNames(schemas.path("PlanView").path("properties"))).contains("is_active").doesNotContain("active");
        assertThat(fieldNames(schemas.path("AssetView").path("properties"))).contains("is_deleted", "retired")
                .doesNotContain("deleted", "is_retired");
    }

    private static List<String> duplicatedBooleans(JsonNode node) {
        List<String> found = new ArrayList<>();
        if (node.isObject()) {
            List<String> names = fieldNames(node);
            names.stream().filter(n -> n.startsWith("is_") && names.contains(n.substring(3))).forEach(found::add);
        }
        node.elements().forEachRemaining(child -> found.addAll(duplicatedBooleans(child)));
        return found;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    private static Response post(String path, Object body, int status) {
        return asScheduler().contentType(ContentType.JSON).body(body).post(path).then().statusCode(status).extract().response();
    }

    private JsonNode record(Map<String, JsonNode> answers, String request, Response response) {
        try {
            JsonNode body = restMapper.readTree(response.asByteArray());
            answers.put(request, body);
            return body;
        } catch (IOException e) {
            throw new IllegalStateException(request + " answered no JSON", e);
        }
    }
}
