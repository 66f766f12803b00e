package io.continuity.epg;

import static io.continuity.testing.Tokens.asScheduler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.node.TextNode;

import io.continuity.events.AssetUpserted;
import io.continuity.events.AssignmentAdded;
import io.continuity.events.ChannelConfigured;
import io.continuity.events.PlanCreated;
import io.continuity.resolver.core.AssetKind;
import io.continuity.resolver.core.ContentType;
import io.continuity.resolver.core.EpisodePolicy;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Channels, a catalog and plans go in over Kafka; the guide comes out of the REST API as JSON and as XMLTV that Debian's
 * {@code tv_validate_file} accepts. Each broadcast day (06:00 New York) is 32 half-hour episodes of a sitcom, a 100-minute
 * film at 22:00 and 12 more episodes overnight; every item is padded with filler, bumpers and slate.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class EpgIntegrationTest {

    /** Channels with the same schedule; {@code -Depg.test.channels=100} measures a full-size export. */
    private static final int CHANNELS = Integer.getInteger("epg.test.channels", 3);
    private static final Instant DAY_START = Instant.parse("2026-11-23T11:00:00Z");
    private static final int PROGRAMMES_PER_DAY = 32 + 1 + 12;
    private static final int EPISODES = 24;
    private static final long EPISODE_MS = 21 * 60_000 + 30_000;

    private static KafkaTestClient kafka;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final List<UUID> CHANNEL_IDS = new ArrayList<>();
    private static final List<UUID> EPISODE_IDS = new ArrayList<>();
    private static final UUID MOVIE = UUID.randomUUID();
    private static final UUID FILLER = UUID.randomUUID();
    private static final UUID BUMPER = UUID.randomUUID();

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @BeforeAll
    static void publishCatalogAndChannels() {
        kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers());
        String series = "epg-" + RUN;
        for (int e = 1; e <= EPISODES; e++) {
            UUID id = UUID.randomUUID();
            EPISODE_IDS.add(id);
            int season = e <= 12 ? 1 : 2;
            int episode = e <= 12 ? e : e - 12;
            kafka.send(id.toString(), new AssetUpserted(id, "Night Shift S" + season + "E" + episode, AssetKind.EPISODE, EPISODE_MS, series, "Night Shift",
                    season, episode, null, "Episode & Title " + e, "Harry & the night crew, part " + e + ".", "Comedy, Sitcom", "TV-PG",
                    List.of(), null, "ready", true, false, null));
        }
        kafka.send(MOVIE.toString(), new AssetUpserted(MOVIE, "The Long Goodbye", AssetKind.MOVIE, 100L * 60_000, null, null, null, null, null, null,
                "A private eye in Los Angeles.", "Drama", "R", List.of(), null, "ready", true, false, null));
        kafka.send(FILLER.toString(), filler(FILLER, AssetKind.FILLER, 300_000));
        kafka.send(BUMPER.toString(), filler(BUMPER, AssetKind.BUMPER, 120_000));
        for (int c = 0; c < CHANNELS; c++) {
            CHANNEL_IDS.add(configureChannel(c, series));
        }
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void jsonGuideHidesFillerAndGapsAndHasNoHolesOrOverlaps() {
        UUID channel = CHANNEL_IDS.get(0);
        Instant to = DAY_START.plus(Duration.ofDays(1));
        List<Map<String, Object>> entries = awaitGuide(channel, DAY_START, to, PROGRAMMES_PER_DAY);
        List<Map<String, Object>> playlog = asScheduler().queryParam("from", DAY_START.toString()).queryParam("to", to.toString())
                .get("/api/v1/channels/{c}/playlog", channel).then().statusCode(200).extract().jsonPath().getList("$");

        assertThat(playlog).extracting(e -> e.get("kind")).contains("program", "filler", "bumper", "gap");
        List<Map<String, Object>> programmes = playlog.stream().filter(e -> "program".equals(e.get("kind"))).toList();
        assertThat(entries).extracting(e -> e.get("programme_id")).containsExactlyElementsOf(programmes.stream().map(e -> e.get("uuid")).toList());
        assertThat(entries).extracting(e -> e.get("asset_uuid")).doesNotContain(FILLER.toString(), BUMPER.toString());
        assertThat(instant(entries.get(0), "start_utc")).isEqualTo(DAY_START);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(instant(entries.get(i), "start_utc")).as("entry %d starts where %d stops", i, i - 1)
                    .isEqualTo(instant(entries.get(i - 1), "stop_utc"));
        }
        assertThat(entries).allSatisfy(e -> assertThat(instant(e, "stop_utc")).isAfter(instant(e, "start_utc")))
                .allSatisfy(e -> assertThat(e.get("channel_id")).isEqualTo(channel.toString()));

        Map<String, Object> first = entries.get(0);
        int number = EPISODE_IDS.indexOf(UUID.fromString((String) first.get("asset_uuid"))) + 1;
        assertThat(first).containsEntry("title", "Night Shift").containsEntry("episode_title", "Episode & Title " + number)
                .containsEntry("season", number <= 12 ? 1 : 2).containsEntry("episode", number <= 12 ? number : number - 12)
                .containsEntry("description", "Harry & the night crew, part " + number + ".")
                .containsEntry("categories", List.of("Comedy", "Sitcom")).containsEntry("rating", "TV-PG");
        assertThat(instant(first, "stop_utc")).as("the padding after a 21.5-minute episode belongs to it")
                .isEqualTo(DAY_START.plus(Duration.ofMinutes(30)));
        Map<String, Object> film = entries.get(32);
        assertThat(film).containsEntry("asset_uuid", MOVIE.toString()).containsEntry("title", "The Long Goodbye")
                .containsEntry("episode_title", null).containsEntry("categories", List.of("Drama")).containsEntry("rating", "R");
        assertThat(Duration.between(instant(film, "start_utc"), instant(film, "stop_utc"))).isEqualTo(Duration.ofMinutes(120));
    }

    @Test
    void jsonGuideDefaultsToTheNext24HoursAndAnswersProblems() {
        UUID channel = CHANNEL_IDS.get(0);
        awaitGuide(channel, DAY_START, DAY_START.plus(Duration.ofDays(3)), 3 * PROGRAMMES_PER_DAY);
        Instant before = clock.instant();
        List<Map<String, Object>> entries = asScheduler().get("/api/v1/channels/{c}/epg", channel).then().statusCode(200)
                .extract().jsonPath().getList("$");
        Instant after = clock.instant();
        assertThat(entries).isNotEmpty()
                .allSatisfy(e -> assertThat(instant(e, "stop_utc")).isAfter(before))
                .allSatisfy(e -> assertThat(instant(e, "start_utc")).isBefore(after.plus(Duration.ofHours(24))));
        assertThat(instant(entries.get(entries.size() - 1), "stop_utc")).as("the guide reaches the end of the default window")
                .isAfterOrEqualTo(before.plus(Duration.ofHours(24)));

        asScheduler().get("/api/v1/channels/{c}/epg", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        asScheduler().queryParam("from", "tomorrow").get("/api/v1/channels/{c}/epg", channel).then().statusCode(400)
                .contentType("application/problem+json").body("field", Matchers.equalTo("from"));
        asScheduler().queryParam("from", DAY_START.toString()).queryParam("to", DAY_START.plus(Duration.ofDays(9)).toString())
                .get("/api/v1/channels/{c}/epg", channel).then().statusCode(400).body("field", Matchers.equalTo("to"));
        asScheduler().queryParam("to", "2026-13-01T00:00:00Z").get("/api/v1/epg/xmltv").then().statusCode(400)
                .contentType("application/problem+json").body("field", Matchers.equalTo("to"));
    }

    @Test
    void xmltvForAllChannelsValidatesAndCarriesNewYorkOffsets() throws Exception {
        Instant to = DAY_START.plus(Duration.ofDays(3));
        for (UUID channel : CHANNEL_IDS) {
            awaitGuide(channel, DAY_START, to, 3 * PROGRAMMES_PER_DAY);
        }
        Path dir = Files.createDirectories(Path.of("target", "epg"));

        Response defaultWindow = timedXmltv(Map.of());
        Path defaultFile = Files.write(dir.resolve("xmltv-default-window.xml"), defaultWindow.asByteArray());
        XmltvValidator.assertValid(defaultFile);

        Response threeDays = timedXmltv(Map.of("from", DAY_START.toString(), "to", to.toString()));
        Path file = Files.write(dir.resolve("xmltv-three-days.xml"), threeDays.asByteArray());
        XmltvValidator.assertValid(file);

        Document doc = parse(threeDays.asByteArray());
        String channelId = "epg-" + RUN + "-0.continuity";
        Element channel = channelElement(doc, channelId);
        assertThat(channel.getElementsByTagName("display-name").item(0).getTextContent()).isEqualTo("EPG test " + RUN + " 0");
        List<Element> programmes = programmes(doc, channelId);
        assertThat(programmes).hasSize(3 * PROGRAMMES_PER_DAY);
        assertThat(programmes).allSatisfy(p -> assertThat(p.getAttribute("start")).endsWith(" -0500"))
                .allSatisfy(p -> assertThat(p.getAttribute("stop")).endsWith(" -0500"));
        assertThat(programmes.get(0).getAttribute("start")).isEqualTo("20261123060000 -0500");
        assertThat(programmes.get(0).getAttribute("stop")).isEqualTo("20261123063000 -0500");
        assertThat(programmes.get(32).getAttribute("start")).isEqualTo("20261123220000 -0500");
        assertThat(programmes.get(32).getElementsByTagName("title").item(0).getTextContent()).isEqualTo("The Long Goodbye");
        Element episode = programmes.get(0);
        assertThat(episode.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Night Shift");
        assertThat(episode.getElementsByTagName("sub-title").item(0).getTextContent()).startsWith("Episode & Title ");
        NodeList numbers = episode.getElementsByTagName("episode-num");
        assertThat(((Element) numbers.item(0)).getAttribute("system")).isEqualTo("xmltv_ns");
        assertThat(numbers.item(0).getTextContent()).matches("[01]\\.\\d+\\.0/1");
        assertThat(numbers.item(1).getTextContent()).matches("S0[12]E\\d\\d");
    }

    /**
     * The guide answers carry an ETag that holds while what they are made of holds: If-None-Match answers 304, and a
     * catalog change that alters the guide (a film's description) changes the tag and the document.
     */
    @Test
    void guidesAnswerNotModifiedUntilWhatTheyAreMadeOfChanges() {
        UUID channel = CHANNEL_IDS.get(0);
        Instant to = DAY_START.plus(Duration.ofDays(1));
        awaitGuide(channel, DAY_START, to, PROGRAMMES_PER_DAY);
        Map<String, String> range = Map.of("from", DAY_START.toString(), "to", to.toString());
        String jsonTag = asScheduler().queryParams(range).get("/api/v1/channels/{c}/epg", channel).then().statusCode(200).extract().header("ETag");
        assertThat(jsonTag).isNotBlank();
        asScheduler().queryParams(range).header("If-None-Match", jsonTag).get("/api/v1/channels/{c}/epg", channel).then().statusCode(304);
        Response first = asScheduler().queryParams(range).get("/api/v1/epg/xmltv");
        String xmltvTag = first.then().statusCode(200).extract().header("ETag");
        assertThat(xmltvTag).isNotBlank().isNotEqualTo(jsonTag);
        asScheduler().queryParams(range).header("If-None-Match", xmltvTag).get("/api/v1/epg/xmltv").then().statusCode(304);
        assertThat(asScheduler().queryParams(range).get("/api/v1/epg/xmltv").then().statusCode(200).header("ETag", xmltvTag).extract().asString())
                .as("the same document, held").isEqualTo(first.asString());

        kafka.send(MOVIE.toString(), new AssetUpserted(MOVIE, "The Long Goodbye", AssetKind.MOVIE, 100L * 60_000, null, null, null, null, null, null,
                "A private eye in Los Angeles, once more.", "Drama", "R", List.of(), null, "ready", true, false, null));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Response changed = asScheduler().queryParams(range).header("If-None-Match", xmltvTag).get("/api/v1/epg/xmltv");
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.header("ETag")).isNotEqualTo(xmltvTag);
            assertThat(changed.asString()).contains("A private eye in Los Angeles, once more.");
        });
        asScheduler().queryParams(range).header("If-None-Match", jsonTag).get("/api/v1/channels/{c}/epg", channel).then().statusCode(200);
    }

    @Test
    void anIptvPlayerReadsXmltvWithItsTokenInTheUrl() throws Exception {
        awaitGuide(CHANNEL_IDS.get(0), DAY_START, DAY_START.plus(Duration.ofDays(1)), PROGRAMMES_PER_DAY);
        String from = DAY_START.toString();
        String to = DAY_START.plus(Duration.ofDays(1)).toString();
        byte[] withHeader = io.continuity.testing.Tokens.asViewer().queryParam("from", from).queryParam("to", to).get("/api/v1/epg/xmltv")
                .then().statusCode(200).extract().asByteArray();
        byte[] withParameter = io.restassured.RestAssured.given().queryParam("from", from).queryParam("to", to)
                .queryParam("access_token", io.continuity.testing.Tokens.viewer()).get("/api/v1/epg/xmltv")
                .then().statusCode(200).contentType(Matchers.startsWith("application/xml")).extract().asByteArray();
        // the same document for this run's channel (other test classes' channels may still be resolving meanwhile)
        String channelId = "epg-" + RUN + "-0.continuity";
        List<String> starts = programmes(parse(withParameter), channelId).stream().map(p -> p.getAttribute("start")).toList();
        assertThat(starts).hasSize(PROGRAMMES_PER_DAY)
                .isEqualTo(programmes(parse(withHeader), channelId).stream().map(p -> p.getAttribute("start")).toList());

        io.restassured.RestAssured.given().get("/api/v1/epg/xmltv").then().statusCode(401);
        io.restassured.RestAssured.given().queryParam("access_token", "not-a-jwt").get("/api/v1/epg/xmltv").then().statusCode(401)
                .contentType("application/problem+json");
        // only the XMLTV path takes a token from the URL
        io.restassured.RestAssured.given().queryParam("access_token", io.continuity.testing.Tokens.viewer())
                .get("/api/v1/channels/{c}/epg", CHANNEL_IDS.get(0)).then().statusCode(401);
    }

    private static Response timedXmltv(Map<String, String> query) {
        long started = System.nanoTime();
        Response response = asScheduler().queryParams(query).get("/api/v1/epg/xmltv");
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        response.then().statusCode(200).contentType(Matchers.startsWith("application/xml"));
        System.out.printf("XMLTV %s: %d channels, %,d programmes, %,d bytes, served in %d ms%n", query,
                response.asString().split("<channel ", -1).length - 1, response.asString().split("<programme ", -1).length - 1,
                response.asByteArray().length, millis);
        return response;
    }

    private List<Map<String, Object>> awaitGuide(UUID channel, Instant from, Instant to, int expected) {
        Db db = new Db(dataSource);
        List<Map<String, Object>> entries = new ArrayList<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(db.count("SELECT count(*) FROM resolution_request WHERE channel_id = ?", channel)).as("pending resolution").isZero();
            Response response = asScheduler().queryParam("from", from.toString()).queryParam("to", to.toString())
                    .get("/api/v1/channels/{c}/epg", channel);
            assertThat(response.statusCode()).as("channel %s known", channel).isEqualTo(200);
            entries.clear();
            entries.addAll(response.jsonPath().getList("$"));
            assertThat(entries).as("programmes of channel %s in [%s, %s)", channel, from, to).hasSize(expected);
        });
        return entries;
    }

    private static UUID configureChannel(int index, String series) {
        UUID channel = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        String key = channel.toString();
        kafka.send(key, new ChannelConfigured(channel, "epg-" + RUN + "-" + index, "EPG test " + RUN + " " + index, "America/New_York", 30,
                List.of(0, 30), "06:00", Map.of("kind", List.of("filler", "bumper"), "tags", List.of("epg-" + RUN)), null, null));
        kafka.send(key, new PlanCreated(plan, channel, "Every day", 10, "* * * * *", null, null, true, null));
        kafka.send(key, assignment(plan, channel, "00:00", 960, ContentType.SERIES, series));
        kafka.send(key, assignment(plan, channel, "16:00", 120, ContentType.ASSET, MOVIE.toString()));
        kafka.send(key, assignment(plan, channel, "18:00", 360, ContentType.SERIES, series));
        return channel;
    }

    private static AssignmentAdded assignment(UUID plan, UUID channel, String start, int minutes, ContentType type, String reference) {
        return new AssignmentAdded(UUID.randomUUID(), plan, channel, start, minutes, type, new TextNode(reference), null,
                type == ContentType.SERIES ? EpisodePolicy.SEQUENTIAL : null, null, null, null);
    }

    private static AssetUpserted filler(UUID id, AssetKind kind, long durationMs) {
        return new AssetUpserted(id, kind.wireName() + " " + RUN, kind, durationMs, null, null, null, null, null, null, null, null, null,
                List.of("epg-" + RUN), null, "ready", true, false, null);
    }

    private static Instant instant(Map<String, Object> entry, String field) {
        return Instant.parse((String) entry.get(field));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Element channelElement(Document doc, String id) {
        NodeList channels = doc.getElementsByTagName("channel");
        for (int i = 0; i < channels.getLength(); i++) {
            if (id.equals(((Element) channels.item(i)).getAttribute("id"))) {
                return (Element) channels.item(i);
            }
        }
        throw new AssertionError("no <channel id=\"" + id + "\"> in the XMLTV document");
    }

    private static List<Element> programmes(Document doc, String channelId) {
        List<Element> result = new ArrayList<>();
        NodeList programmes = doc.getElementsByTagName("programme");
        for (int i = 0; i < programmes.getLength(); i++) {
            Element p = (Element) programmes.item(i);
            if (channelId.equals(p.getAttribute("channel"))) {
                result.add(p);
            }
        }
        return result;
    }
}
