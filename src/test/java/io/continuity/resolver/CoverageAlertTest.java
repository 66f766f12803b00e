package io.continuity.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.continuity.events.AlertRaised;
import io.continuity.events.EventJson;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.Fixtures;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** The horizon roll raises COVERAGE_BELOW_LEAD when a channel is resolved less far ahead than the minimum lead. */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
@TestProfile(CoverageAlertTest.ShortHorizon.class)
class CoverageAlertTest {

    /** A 3-day horizon (today + 3) against a 6-day minimum lead, rolled every 2 seconds. */
    public static class ShortHorizon implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("continuity.horizon.days", "3", "continuity.horizon.minimum-lead-days", "6",
                    "continuity.horizon.roll-interval", "PT2S");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void aChannelResolvedLessFarAheadThanTheMinimumLeadRaisesAnAlert() {
        UUID channel = UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers())) {
            kafka.send(channel.toString(), Fixtures.channel(channel));
            Db db = new Db(dataSource);
            await().atMost(Duration.ofSeconds(60)).until(() -> db.count(
                    "SELECT count(*) FROM schedule_alert WHERE channel_id = ? AND kind = 'COVERAGE_BELOW_LEAD'", channel) == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> kafka.readAll("continuity.schedule-alerts", 100_000, Duration.ofSeconds(1))
                    .stream().filter(r -> channel.toString().equals(r.key()))
                    .map(r -> read(r.value())).anyMatch(a -> "COVERAGE_BELOW_LEAD".equals(a.kind()) && "CRITICAL".equals(a.severity())));
        }

        // the same alert through the query API, as the guide and an operator's tooling read it
        List<Map<String, Object>> critical = Tokens.asViewer().queryParam("channel_id", channel.toString()).queryParam("min_severity", "CRITICAL")
                .get("/api/v1/alerts").then().statusCode(200).extract().path("");
        assertThat(critical).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("channel_id", channel.toString()).containsEntry("kind", "COVERAGE_BELOW_LEAD")
                    .containsEntry("severity", "CRITICAL");
            assertThat((String) a.get("message")).contains("below the minimum lead of 6 days");
            assertThat(a.get("details")).asString().contains("covered_until");
        });
        assertThat(Tokens.asViewer().queryParam("channel_id", channel.toString()).queryParam("since", "2099-01-01T00:00:00Z")
                .get("/api/v1/alerts").then().statusCode(200).extract().<List<?>>path("")).as("nothing raised after 2099").isEmpty();
        assertThat(Tokens.asViewer().queryParam("channel_id", UUID.randomUUID().toString()).get("/api/v1/alerts").then().statusCode(200)
                .extract().<List<?>>path("")).as("another channel").isEmpty();
        for (Map.Entry<String, String> bad : Map.of("min_severity", "LOUD", "since", "yesterday", "channel_id", "ch-1", "limit", "0").entrySet()) {
            Tokens.asViewer().queryParam(bad.getKey(), bad.getValue()).get("/api/v1/alerts").then().statusCode(400)
                    .contentType("application/problem+json").body("field", org.hamcrest.Matchers.equalTo(bad.getKey()));
        }
    }

    private static AlertRaised read(byte[] value) {
        try {
            return EventJson.mapper().readValue(value, AlertRaised.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
