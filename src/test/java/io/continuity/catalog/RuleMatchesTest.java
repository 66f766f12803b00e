package io.continuity.catalog;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * {@code POST /api/v1/assets/rule-matches} counts on the resolver's catalog snapshot: live assets (deleted and unapproved
 * ones included, retired ones not), the eligible ones among them, and a sample of those by title; and each catalog change
 * an operator makes is in the very next count.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class RuleMatchesTest {

    @Test
    void theCountFollowsEachChangeOfTheCatalog() {
        String genre = "rules" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> movies = Map.of("genre", List.of(genre), "kind", List.of("movie"));
        UUID charlie = movie("Charlie " + genre, genre).put();
        UUID alpha = movie("Alpha " + genre, genre).put();
        movie("Bravo " + genre, genre).put();
        movie("Unapproved " + genre, genre).with("approved_for_broadcast", false).put();
        movie("Deleted " + genre, genre).with("is_deleted", true).put();
        movie("Pending " + genre, genre).with("state", "pending").put();
        asset("Episode " + genre, "episode", genre).put();
        asset("Ident " + genre, "filler", genre).with("duration_ms", 10_000).put();

        count(movies).body("matching", equalTo(6)).body("eligible", equalTo(3))
                .body("sample.title", equalTo(List.of("Alpha " + genre, "Bravo " + genre, "Charlie " + genre)));
        count(Map.of("genre", List.of(genre))).body("matching", equalTo(7)).body("eligible", equalTo(4));
        Tokens.asViewer().contentType("application/json").body(Map.of("genre", List.of(genre))).queryParam("role", "filler")
                .post("/api/v1/assets/rule-matches").then().statusCode(200).body("role", equalTo("filler")).body("matching", equalTo(1))
                .body("eligible", equalTo(1)).body("sample.title", equalTo(List.of("Ident " + genre)));

        Tokens.asScheduler().delete("/api/v1/assets/{id}", alpha).then().statusCode(200);
        count(movies).body("matching", equalTo(5)).body("eligible", equalTo(2))
                .body("sample.title", equalTo(List.of("Bravo " + genre, "Charlie " + genre)));

        movie("Aardvark " + genre, genre).put();
        count(movies).body("matching", equalTo(6)).body("eligible", equalTo(3))
                .body("sample.title", equalTo(List.of("Aardvark " + genre, "Bravo " + genre, "Charlie " + genre)));

        movie("Charlie " + genre, "other" + genre).as(charlie).put();
        count(movies).body("matching", equalTo(5)).body("eligible", equalTo(2))
                .body("sample.title", equalTo(List.of("Aardvark " + genre, "Bravo " + genre)));
    }

    private static ValidatableResponse count(Map<String, Object> rule) {
        return Tokens.asViewer().contentType("application/json").body(rule).post("/api/v1/assets/rule-matches").then().statusCode(200)
                .body("role", equalTo("programme"));
    }

    private static AssetBody movie(String title, String genre) {
        return asset(title, "movie", genre);
    }

    private static AssetBody asset(String title, String kind, String genre) {
        return new AssetBody(UUID.randomUUID(), new HashMap<>(Map.of("title", title, "kind", kind, "duration_ms", 90 * 60_000, "genre", genre,
                "state", "ready", "approved_for_broadcast", true)));
    }

    /** An {@code asset.upserted} body; {@link #put()} publishes it and waits until the catalog has it. */
    private record AssetBody(UUID uuid, Map<String, Object> fields) {

        AssetBody with(String field, Object value) {
            fields.put(field, value);
            return this;
        }

        AssetBody as(UUID existing) {
            return new AssetBody(existing, fields);
        }

        UUID put() {
            Tokens.asScheduler().contentType("application/json").body(fields).put("/api/v1/assets/{id}", uuid).then()
                    .statusCode(anyOf(equalTo(200), equalTo(201)));
            return uuid;
        }
    }
}
