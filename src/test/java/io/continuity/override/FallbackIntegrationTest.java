package io.continuity.override;

import static io.continuity.testing.Tokens.asScheduler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.continuity.events.AlertRaised;
import io.continuity.events.AssetRetired;
import io.continuity.events.EventJson;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.ScheduledChannel;
import io.continuity.testing.SingleAssetWindowChannel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Retiring a scheduled asset re-resolves the unfrozen events that used it, following DESIGN's fallback order
 * (alternative from the same assignment → channel filler → skip → default programming), and raises FALLBACK_APPLIED.
 * Each scenario has its own channel, built so that exactly one step of the order can supply the replacement.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class FallbackIntegrationTest {

    /** Past the default two-hour lock window from the test clock's start, with room for the time the test takes. */
    private static final Instant UNFROZEN = Instant.parse(ContinuityTestResources.TEST_CLOCK_START).plus(Duration.ofHours(2).plusMinutes(30));
    private static final Duration HORIZON = Duration.ofDays(5);

    private static KafkaTestClient kafka;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aRetiredEpisodeIsReplacedByTheNextEpisodeOfTheSameAssignment() {
        ScheduledChannel channel = new ScheduledChannel().publish(kafka, new Db(dataSource));
        Map<String, Object> victim = playlog(channel.channelId, UNFROZEN.plus(Duration.ofHours(1)), HORIZON).stream()
                .filter(e -> "program".equals(e.get("kind"))).findFirst().orElseThrow();
        UUID victimAsset = UUID.fromString((String) victim.get("asset_uuid"));

        kafka.send(victimAsset.toString(), new AssetRetired(victimAsset, null));

        awaitNoLongerScheduled(channel.channelId, victimAsset);
        Map<String, Object> replacement = startingAt(channel.channelId, Instant.parse((String) victim.get("start_utc")));
        UUID expected = nextEpisodeAfter(channel.episodes, victimAsset);
        assertThat(replacement).as("the slot of the retired episode").containsEntry("kind", "program")
                .containsEntry("assignment_id", victim.get("assignment_id")).containsEntry("asset_uuid", expected.toString());

        List<UUID> fallback = uuids(replacement.get("fallback"));
        int alternatives = (int) fallback.stream().takeWhile(channel.episodes::contains).count();
        List<UUID> fillers = fallback.subList(alternatives, fallback.size());
        assertThat(fallback).as("fallback chain of the replacement").doesNotContain(victimAsset, expected);
        assertThat(alternatives).as("alternatives from the same assignment lead the chain %s", fallback).isPositive();
        assertThat(fillers).as("channel filler follows the alternatives in %s", fallback).isNotEmpty()
                .doesNotContainAnyElementsOf(channel.episodes);
        assertThat(new Db(dataSource).count("SELECT count(*) FROM catalog_asset WHERE uuid = ANY (?::uuid[]) AND kind = 'filler'",
                array(fillers))).as("catalog kind of %s", fillers).isEqualTo(fillers.size());
        awaitFallbackAlert(channel.channelId, victimAsset);
    }

    @Test
    void anAssetWithNoAlternativeInItsAssignmentIsReplacedByChannelFiller() {
        SingleAssetWindowChannel channel = new SingleAssetWindowChannel(6).publish(kafka, new Db(dataSource));
        List<LocalDate> days = daysAiring(channel);

        kafka.send(channel.movie.toString(), new AssetRetired(channel.movie, null));

        awaitNoLongerScheduled(channel.channelId, channel.movie);
        for (LocalDate day : days) {
            List<Map<String, Object>> window = coveringExactly(channel, day);
            assertThat(window).as("the movie's window on %s", day).allSatisfy(e -> {
                assertThat(e.get("kind")).isIn("filler", "gap");
                assertThat(e.get("assignment_id")).isEqualTo(channel.movieAssignmentId.toString());
            }).anySatisfy(e -> assertThat(e.get("kind")).isEqualTo("filler"));
            assertThat(window.stream().map(e -> e.get("asset_uuid")).filter(java.util.Objects::nonNull).map(a -> UUID.fromString((String) a)))
                    .as("assets in the movie's window on %s: the channel's filler pool, not its default programming", day)
                    .isSubsetOf(channel.fillers);
        }
        awaitFallbackAlert(channel.channelId, channel.movie);
    }

    @Test
    void withNoAlternativeAndNoFillerTheWindowGoesToDefaultProgramming() {
        SingleAssetWindowChannel channel = new SingleAssetWindowChannel(0).publish(kafka, new Db(dataSource));
        List<LocalDate> days = daysAiring(channel);

        kafka.send(channel.movie.toString(), new AssetRetired(channel.movie, null));

        awaitNoLongerScheduled(channel.channelId, channel.movie);
        for (LocalDate day : days) {
            List<Map<String, Object>> window = coveringExactly(channel, day);
            assertThat(window).as("the movie's window on %s", day).allSatisfy(e -> {
                assertThat(e.get("kind")).isIn("fallback", "gap");
                assertThat(e.get("assignment_id")).isEqualTo(channel.movieAssignmentId.toString());
            }).filteredOn(e -> "fallback".equals(e.get("kind"))).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.get("asset_uuid")).isEqualTo(channel.defaultProgramme.toString()));
        }
        awaitFallbackAlert(channel.channelId, channel.movie);
    }

    /** The broadcast days whose unfrozen window airs the movie, before it is retired. */
    private static List<LocalDate> daysAiring(SingleAssetWindowChannel channel) {
        List<LocalDate> days = playlog(channel.channelId, UNFROZEN, HORIZON).stream()
                .filter(e -> channel.movie.toString().equals(e.get("asset_uuid"))).map(e -> LocalDate.parse((String) e.get("broadcast_day")))
                .toList();
        assertThat(days).as("days airing the movie").isNotEmpty();
        days.forEach(day -> assertThat(startingAt(channel.channelId, channel.windowStart(day)))
                .containsEntry("kind", "program").containsEntry("asset_uuid", channel.movie.toString()));
        return days;
    }

    /** The events of the movie's window on {@code day}, after checking they cover it exactly: no hole, no overlap. */
    private static List<Map<String, Object>> coveringExactly(SingleAssetWindowChannel channel, LocalDate day) {
        Instant start = channel.windowStart(day);
        Instant end = channel.windowEnd(day);
        List<Map<String, Object>> events = playlog(channel.channelId, start, Duration.between(start, end));
        assertThat(events).as("events in the movie's window on %s", day).isNotEmpty();
        assertThat(events.get(0).get("start_utc")).isEqualTo(start.toString());
        assertThat(events.get(events.size() - 1).get("end_utc")).isEqualTo(end.toString());
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).get("start_utc")).as("event %d starts where %d ends", i, i - 1).isEqualTo(events.get(i - 1).get("end_utc"));
        }
        return events;
    }

    /** The next episode in season/episode order after {@code retired}: what a sequential series plays in its place. */
    private static UUID nextEpisodeAfter(List<UUID> episodesInOrder, UUID retired) {
        return episodesInOrder.get((episodesInOrder.indexOf(retired) + 1) % episodesInOrder.size());
    }

    private void awaitNoLongerScheduled(UUID channelId, UUID asset) {
        await().atMost(Duration.ofSeconds(60)).until(() -> playlog(channelId, UNFROZEN, HORIZON).stream()
                .noneMatch(e -> asset.toString().equals(e.get("asset_uuid"))));
        new Db(dataSource).awaitNoPendingResolution();
    }

    private static void awaitFallbackAlert(UUID channelId, UUID asset) {
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.readAll("continuity.schedule-alerts", 100_000, Duration.ofSeconds(1))
                .stream().map(r -> read(r.value()))
                .anyMatch(a -> "FALLBACK_APPLIED".equals(a.kind()) && channelId.equals(a.channelId())
                        && asset.toString().equals(a.details().get("asset_uuid"))));
    }

    private static Map<String, Object> startingAt(UUID channelId, Instant start) {
        return playlog(channelId, start, Duration.ofMinutes(1)).stream().filter(e -> start.toString().equals(e.get("start_utc")))
                .findFirst().orElseThrow(() -> new AssertionError("no event starts at " + start));
    }

    private static List<Map<String, Object>> playlog(UUID channelId, Instant from, Duration length) {
        return asScheduler().queryParam("from", from.toString()).queryParam("to", from.plus(length).toString())
                .get("/api/v1/channels/{c}/playlog", channelId.toString()).then().statusCode(200).extract().path("");
    }

    private static List<UUID> uuids(Object list) {
        return ((List<?>) list).stream().map(o -> UUID.fromString((String) o)).toList();
    }

    private static String array(List<UUID> uuids) {
        return uuids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private static AlertRaised read(byte[] value) {
        try {
            return EventJson.mapper().readValue(value, AlertRaised.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
