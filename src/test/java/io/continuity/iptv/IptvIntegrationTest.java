package io.continuity.iptv;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import io.continuity.playlog.GuidePageTest;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.HeadlessChromium;
import io.continuity.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * IPTV players against the demo channels (the program guide test's profile, so Quarkus is not started again): the M3U
 * playlist matches the XMLTV export channel for channel and leaves retired channels out, and the guide's Watch button
 * plays a live HLS stream made by ffmpeg in headless Chromium with the hls.js the build bundled.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
@TestProfile(GuidePageTest.Demo.class)
class IptvIntegrationTest {

    private static final List<String> DEMO_SLUGS = List.of("cinema-one", "euro-kids", "retro-tv", "sydney-news");
    private static final Pattern EXTINF = Pattern.compile(
            "#EXTINF:-1 tvg-id=\"([^\"]+)\" tvg-name=\"([^\"]+)\" tvg-logo=\"([^\"]+)\" tvg-chno=\"(\\d+)\" group-title=\"Continuity\",(.+)");
    private static final Pattern XMLTV_CHANNEL = Pattern.compile("<channel id=\"([^\"]+)\"");
    private static final String STREAM_BASE = "http://127.0.0.1:" + ContinuityTestResources.STREAM_PORT;

    @TestHTTPResource("/")
    URL root;

    @Test
    void playlistListsEveryLiveChannelUnderItsXmltvIdWithAStableNumberLogoAndStream() throws Exception {
        awaitDemoChannels();
        String retired = Tokens.asScheduler().contentType(ContentType.JSON).body(Map.of("slug", "iptv-retired", "title", "Retired", "timezone", "UTC",
                "grid_block_minutes", 30, "block_start_offsets_minutes", List.of(0, 30), "programming_day_start", "06:00",
                "filler_rule", Map.of("kind", "filler"))).post("/api/v1/channels").then().statusCode(201).extract().path("channel_id");
        Tokens.asScheduler().delete("/api/v1/channels/{id}", retired).then().statusCode(200);

        String viewer = Tokens.viewer();
        String m3u = given().queryParam("access_token", viewer).get(IptvResource.PLAYLIST).then().statusCode(200)
                .contentType(M3uWriter.MEDIA_TYPE).extract().asString();
        List<Entry> entries = entries(m3u);
        String xmltv = Tokens.asViewer().get("/api/v1/epg/xmltv").then().statusCode(200).extract().asString();

        assertThat(m3u.lines().findFirst()).hasValue("#EXTM3U url-tvg=\"" + root + "api/v1/epg/xmltv?access_token=" + viewer
                + "\" x-tvg-url=\"" + root + "api/v1/epg/xmltv?access_token=" + viewer + "\"");
        assertThat(entries).extracting(Entry::tvgId).containsExactlyInAnyOrderElementsOf(xmltvChannelIds(xmltv))
                .doesNotContain("iptv-retired.continuity").hasSize(DEMO_SLUGS.size());
        assertThat(entries).extracting(Entry::number).isSorted().doesNotHaveDuplicates();
        List<Map<String, Object>> json = Tokens.asViewer().get("/api/v1/iptv/channels").then().statusCode(200).extract().path("");
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            Map<String, Object> channel = json.get(i);
            assertThat(entry.tvgId()).isEqualTo(channel.get("slug") + ".continuity");
            assertThat(entry.number()).isEqualTo(channel.get("number"));
            assertThat(entry.stream()).isEqualTo(STREAM_BASE + "/hls/" + channel.get("channel_id") + "/live.m3u8").isEqualTo(channel.get("stream_url"));
            assertThat(entry.logo()).isEqualTo(root + "iptv/logos/" + channel.get("slug") + ".svg");
            given().get(URI.create(entry.logo())).then().statusCode(200).contentType(ChannelLogo.MEDIA_TYPE);
        }
        assertThat(entries(given().queryParam("access_token", viewer).get(IptvResource.PLAYLIST).then().extract().asString()))
                .as("the same channels in the same order with the same numbers").isEqualTo(entries);
        given().get(IptvResource.PLAYLIST).then().statusCode(401);
        given().get("/iptv/logos/{file}", "..%2Fsecret.svg").then().statusCode(404);
    }

    @Test
    void watchButtonPlaysTheChannelsLiveStreamInThePageWithTheBundledPlayer() throws Exception {
        String channel = awaitDemoChannels().stream().filter(c -> "retro-tv".equals(c.get("slug"))).findFirst().orElseThrow().get("channel_id").toString();
        try (LiveHlsStream stream = LiveHlsStream.start(ContinuityTestResources.STREAM_PORT);
                HeadlessChromium chromium = HeadlessChromium.start(1400, 900)) {
            ChromeDriver browser = chromium.driver();
            browser.get(root + "#token=" + Tokens.viewer());
            By watch = By.cssSelector(".channel[data-channel-id='" + channel + "'] button.watch");
            await().atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(watch).isEmpty());
            browser.findElement(watch).click();

            await().atMost(Duration.ofSeconds(30)).until(() -> currentTime(browser) > 0.5);
            assertThat(browser.findElement(By.id("watch")).getDomAttribute("data-player")).isEqualTo("hls.js");
            double playing = currentTime(browser);
            await().atMost(Duration.ofSeconds(30)).until(() -> currentTime(browser) > playing + 1.0);
            assertThat(((Number) browser.executeScript("return document.getElementById('player').videoWidth")).intValue())
                    .as("decoded H.264 frames of the 320x180 test pattern").isEqualTo(320);
            assertThat(browser.findElement(By.id("watch-status")).getText()).startsWith("Live · channel ");
            @SuppressWarnings("unchecked")
            List<String> loaded = (List<String>) browser.executeScript("return performance.getEntriesByType('resource').map(r => r.name)");
            assertThat(loaded).as("everything the page loaded came from the service or the stream, no CDN")
                    .allSatisfy(url -> assertThat(url).matches("^(" + Pattern.quote(root.toString()) + "|" + Pattern.quote(STREAM_BASE + "/hls/") + ").*"))
                    .anySatisfy(url -> assertThat(url).isEqualTo(root + "player/hls-player.js"));
        }
    }

    private static double currentTime(ChromeDriver browser) {
        return ((Number) browser.executeScript("return document.getElementById('player').currentTime")).doubleValue();
    }

    private static List<Map<String, Object>> awaitDemoChannels() {
        List<Map<String, Object>> channels = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            channels.clear();
            channels.addAll(Tokens.asViewer().get("/api/v1/iptv/channels").then().statusCode(200).extract().path(""));
            assertThat(channels).extracting(c -> c.get("slug")).containsAll(DEMO_SLUGS);
        });
        return channels;
    }

    private static List<String> xmltvChannelIds(String xmltv) {
        List<String> ids = new ArrayList<>();
        Matcher m = XMLTV_CHANNEL.matcher(xmltv);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static List<Entry> entries(String m3u) {
        List<String> lines = m3u.lines().toList();
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i += 2) {
            Matcher m = EXTINF.matcher(lines.get(i));
            assertThat(m.matches()).as("an #EXTINF line: %s", lines.get(i)).isTrue();
            assertThat(m.group(5)).isEqualTo(m.group(2));
            entries.add(new Entry(m.group(1), m.group(3), Integer.parseInt(m.group(4)), lines.get(i + 1)));
        }
        return entries;
    }

    private record Entry(String tvgId, String logo, int number, String stream) {
    }
}
