package io.continuity.api;

import static io.continuity.testing.Tokens.asScheduler;
import static io.continuity.testing.Tokens.asViewer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Fixtures;
import io.continuity.testing.Tokens;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Inject;

/**
 * Bearer-token rules: no or bad token 401, viewer reads but may not write (403), scheduler writes; health, metrics and
 * the API documentation stay open. Every refusal is problem+json.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class ApiSecurityTest {

    @Inject
    JWTCallerPrincipalFactory tokens;

    @Test
    void tokensAreVerifiedThroughTheCacheOfVerifiedTokens() {
        assertThat(ClientProxy.unwrap(tokens)).isInstanceOf(VerifiedTokens.class);
        String token = Tokens.mint("cached@continuity.test", Duration.ofHours(1), Roles.VIEWER);
        given().auth().oauth2(token).get("/api/v1/channels").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/channels").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(channelBody()).post("/api/v1/channels").then().statusCode(403);
    }

    @Test
    void requestsWithoutATokenAreRefusedWith401() {
        given().get("/api/v1/channels").then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer").body("code", equalTo("unauthorized"));
        given().contentType(ContentType.JSON).body(channelBody()).post("/api/v1/channels").then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
        given().get("/api/v1/rejected-events").then().statusCode(401);
    }

    @Test
    void tokensThatDoNotVerifyAreRefusedWith401() throws Exception {
        given().auth().oauth2("not-a-jwt").get("/api/v1/channels").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        String expired = Tokens.mint("late@continuity.test", Duration.ofHours(-2), Roles.SCHEDULER);
        given().auth().oauth2(expired).get("/api/v1/channels").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(Tokens.ISSUER).upn("mallory").groups(Roles.SCHEDULER).sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(forged).get("/api/v1/channels").then().statusCode(401);
        String otherIssuer = Jwt.issuer("https://elsewhere.example").upn("eve").groups(Roles.SCHEDULER)
                .sign(KeyUtils.readPrivateKey("dev-keys/continuity-dev-private.pem"));
        given().auth().oauth2(otherIssuer).get("/api/v1/channels").then().statusCode(401);
        asScheduler().get("/api/v1/channels").then().statusCode(200);
    }

    @Test
    void viewerReadsButMayNotWrite() {
        asViewer().get("/api/v1/channels").then().statusCode(200);
        asViewer().get("/api/v1/assets").then().statusCode(200);
        asViewer().contentType(ContentType.JSON).body(channelBody()).post("/api/v1/channels").then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("forbidden"));
        asViewer().delete("/api/v1/assets/{id}", UUID.randomUUID().toString()).then().statusCode(403);
        asViewer().contentType(ContentType.JSON).body(Map.of("action", "CANCEL"))
                .post("/api/v1/channels/{id}/overrides", UUID.randomUUID().toString()).then().statusCode(403);
    }

    @Test
    void schedulerWritesAndReads() {
        String id = asScheduler().contentType(ContentType.JSON).body(channelBody()).post("/api/v1/channels").then().statusCode(201)
                .extract().path("channel_id");
        asScheduler().get("/api/v1/channels/{id}", id).then().statusCode(200).body("channel_id", equalTo(id));
        asViewer().get("/api/v1/channels/{id}", id).then().statusCode(200).body("channel_id", equalTo(id));
    }

    @Test
    void healthMetricsAndApiDocumentationStayOpen() {
        for (String path : List.of("/q/health/live", "/q/health/ready", "/q/health/started", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            given().get(path).then().statusCode(200);
        }
    }

    @Test
    void openApiShowsAnExampleForEveryCommandAndTheBearerScheme() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        int commands = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            for (String method : List.of("post", "put")) {
                Object operation = path.getValue().get(method);
                if (operation == null || path.getKey().endsWith("/overrides")) {
                    continue;
                }
                if (doc.get("paths.'" + path.getKey() + "'." + method + ".requestBody") == null) {
                    continue; // a command without a body (a library scan is asked for with a query parameter only)
                }
                commands++;
                assertThat(doc.getMap("paths.'" + path.getKey() + "'." + method + ".requestBody.content.'application/json'.examples"))
                        .as(method + " " + path.getKey()).isNotEmpty();
            }
        }
        assertThat(commands).as("POST/PUT command operations").isGreaterThanOrEqualTo(12);
        assertThat(doc.getMap("components.securitySchemes")).isNotEmpty();
    }

    private static Map<String, Object> channelBody() {
        Map<String, Object> body = Fixtures.asMap(Fixtures.channel(UUID.randomUUID()));
        body.remove("channel_id");
        return body;
    }
}
