package io.continuity.playlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import io.continuity.events.AsRunRecorded;
import io.continuity.events.EventJson;
import io.continuity.events.OverrideApplied;
import io.continuity.resolver.core.OverrideAction;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.HeadlessChromium;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * The web program guide in headless Chromium against the demo (four channels in four zones, published through Kafka by
 * the DemoSeeder). The test plays the ChannelManager for the three hours before the service started, reporting most
 * programmes aired, some late, some substituted and leaving some unreported, so every colour of the legend is on screen.
 * It then checks the grid, the now-line, and an override sent through the page's form. The page is saved as a PNG:
 * {@code target/guide.png}, or the path in {@code -Dguide.screenshot} (the README's {@code docs/guide.png}).
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
@TestProfile(GuidePageTest.Demo.class)
public class GuidePageTest {

    /** The demo channels and catalog; no reference ChannelManager, the test reports the as-run itself. */
    public static class Demo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("continuity.demo.enabled", "true");
        }
    }

    private static final List<String> DEMO_SLUGS = List.of("cinema-one", "euro-kids", "retro-tv", "sydney-news");
    private static final Instant CLOCK_START = Instant.parse(ContinuityTestResources.TEST_CLOCK_START);
    private static final Duration REPORTED = Duration.ofHours(3);
    private static final Duration LATE = Duration.ofSeconds(45);
    /** Reconciliation judges an event this long after its planned end (grace, PT5M, plus a sweep). */
    private static final Duration JUDGED_AFTER = Duration.ofMinutes(6);

    private static KafkaTestClient kafka;
    private static HeadlessChromium chromium;

    @TestHTTPResource("/")
    URL root;

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    /** The page is opened signed in as a scheduler: it reads the guide and makes an override. */
    private static String token() {
        return Tokens.scheduler();
    }

    @BeforeAll
    static void connect() throws Exception {
        kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers());
        chromium = HeadlessChromium.start(1400, 900);
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        kafka.close();
    }

    @Test
    void guideShowsEveryChannelsProgrammesTheNowLineAndAnOverrideMadeThroughItsForm() throws Exception {
        Instant from = CLOCK_START.minus(Duration.ofHours(3));
        Instant to = from.plus(Duration.ofHours(24));
        JsonPath guide = awaitDemoSchedule(from, to);
        Map<String, String> expectedStatus = reportAsRun(guide);
        awaitReconciled(from, to, expectedStatus.keySet());
        JsonPath shown = awaitDemoSchedule(from, to);

        ChromeDriver browser = chromium.driver();
        openGuide(browser);
        await().atMost(Duration.ofSeconds(30)).until(() -> cells(browser).size() >= programmes(shown).size());
        assertThat(browser.getCurrentUrl()).as("the token is taken out of the address bar").doesNotContain("token=");

        List<Map<String, Object>> cells = cells(browser);
        for (Map<String, Object> programme : programmes(shown)) {
            Map<String, Object> cell = cells.stream().filter(c -> programme.get("uuid").equals(c.get("uuid"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no cell for " + programme));
            assertThat(cell.get("channel")).isEqualTo(programme.get("channel_id"));
            String title = "gap".equals(programme.get("kind")) ? "Slate"
                    : (String) Objects.requireNonNullElse(programme.get("series_title"), programme.get("title"));
            assertThat((String) cell.get("label")).startsWith(title + ", ");
            if (expectedStatus.containsKey(programme.get("uuid"))) {
                assertThat(cell.get("status")).as("colour of %s", programme).isEqualTo(expectedStatus.get(programme.get("uuid")));
            }
        }
        assertThat(cells).extracting(c -> c.get("status")).contains("aired", "late", "missing", "substituted", "onair", "scheduled");
        assertThat(browser.findElements(By.cssSelector(".legend li"))).extracting(WebElement::getText)
                .contains("Aired as planned", "Late start / early end", "Missing", "Substituted", "Override", "Slate");

        assertNowLineAtServiceNow(browser);

        // the discrepancies reconciliation found are listed among the alerts, under the channel's title
        await().atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(By.cssSelector("#alerts li[data-kind='ASRUN_DISCREPANCY']")).isEmpty());
        WebElement discrepancy = browser.findElement(By.cssSelector("#alerts li[data-kind='ASRUN_DISCREPANCY']"));
        assertThat(discrepancy.getDomAttribute("data-severity")).isEqualTo("WARNING");
        String alertChannel = discrepancy.getDomAttribute("data-channel-id");
        assertThat(discrepancy.getText()).contains(shown.getString("channels.find { it.channel_id == '" + alertChannel + "' }.title") + ": ");
        List<Map<String, Object>> apiAlerts = Tokens.asScheduler().queryParam("min_severity", "WARNING").get("/api/v1/alerts").then()
                .statusCode(200).extract().path("");
        assertThat(apiAlerts).anySatisfy(a -> assertThat(a).containsEntry("kind", "ASRUN_DISCREPANCY").containsEntry("channel_id", alertChannel));

        String sydney = channelId(guide, "sydney-news");
        String overrideId = insertBreakingNewsThroughTheForm(browser, sydney, assetOf(guide, "cinema-one"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(cells(browser))
                .anySatisfy(c -> assertThat(c).containsEntry("channel", sydney).containsEntry("kind", "override")
                        .containsEntry("override", overrideId)));
        assertThat(awaitApplied(overrideId).channelId()).hasToString(sydney);
        assertThat(browser.findElement(By.id("details")).getText()).contains("INSERT — breaking news").contains(overrideId);

        Map<String, Object> late = programmes(shown).stream().filter(p -> "late".equals(expectedStatus.get(p.get("uuid"))))
                .max(Comparator.comparing(p -> (String) p.get("start_utc"))).orElseThrow();
        WebElement lateCell = browser.findElement(By.cssSelector(".prog[data-uuid='" + late.get("uuid") + "']"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", lateCell);
        lateCell.click();
        assertThat(browser.findElement(By.id("details")).getText()).as("details and lineage").contains("LATE_START (+45 s)")
                .contains((String) late.get("plan_name"), (String) late.get("assignment_id"), (String) late.get("schedule_day_id"),
                        "version " + late.get("schedule_day_version"), (String) late.get("broadcast_day"));
        browser.findElement(By.id("follow-now")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> (Boolean) browser.executeScript("""
                const line = document.getElementById('now-line');
                const x = line.getBoundingClientRect().left;
                const grid = document.getElementById('guide-grid').getBoundingClientRect();
                return !line.hidden && x > grid.left + 300 && x < grid.right - 300;"""));
        saveScreenshot(browser);
    }

    @Test
    void aProgrammeIsCancelledAndAnotherRetimedFromItsDetails() {
        Instant from = clock.instant().plus(Duration.ofHours(2));
        JsonPath guide = awaitDemoSchedule(from, from.plus(Duration.ofHours(10)));
        String channel = channelId(guide, "retro-tv");
        List<Map<String, Object>> ahead = programmes(guide).stream()
                .filter(p -> channel.equals(p.get("channel_id")) && "program".equals(p.get("kind"))
                        && !Instant.parse((String) p.get("start_utc")).isBefore(from))
                .sorted(Comparator.comparing(p -> (String) p.get("start_utc"))).toList();
        Map<String, Object> cancelled = ahead.get(0);
        // moved 30 minutes later it must stay inside its broadcast day: a later programme of the same day starts after its new end
        Map<String, Object> moved = ahead.stream().filter(p -> start(p).isAfter(end(cancelled).plus(Duration.ofHours(1)))
                && ahead.stream().anyMatch(q -> q.get("broadcast_day").equals(p.get("broadcast_day"))
                        && !start(q).isBefore(end(p).plus(Duration.ofMinutes(30))))).findFirst().orElseThrow();

        ChromeDriver browser = chromium.driver();
        openGuide(browser);
        await().atMost(Duration.ofSeconds(30)).until(() -> cells(browser).stream().anyMatch(c -> moved.get("uuid").equals(c.get("uuid"))));

        String cancelId = overrideFromTheDetails(browser, cancelled, "Cancel…", () -> { });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(cells(browser)).as("the slate left by the cancelled programme")
                .anySatisfy(c -> assertThat(c).containsEntry("channel", channel).containsEntry("kind", "gap").containsEntry("override", cancelId))
                .noneSatisfy(c -> assertThat(c.get("uuid")).isEqualTo(cancelled.get("uuid"))));
        assertThat(playlog(channel, start(cancelled), end(cancelled))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("kind", "gap").containsEntry("start_utc", cancelled.get("start_utc")));

        String retimeId = overrideFromTheDetails(browser, moved, "Retime…", () -> {
            WebElement moveBy = browser.findElement(By.id("ov-move-by"));
            moveBy.clear();
            moveBy.sendKeys("30");
            assertThat(browser.findElement(By.id("ov-moved-to")).getText()).as("the form says where it moves to").startsWith("Moves to ");
        });
        Instant newStart = start(moved).plus(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(cells(browser))
                .anySatisfy(c -> assertThat(c).containsEntry("channel", channel).containsEntry("override", retimeId)));
        assertThat(playlog(channel, newStart, newStart.plusSeconds(1))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("asset_uuid", moved.get("asset_uuid")).containsEntry("start_utc", newStart.toString())
                        .containsEntry("end_utc", end(moved).plus(Duration.ofMinutes(30)).toString()));
        assertThat(awaitApplied(retimeId).action()).isEqualTo(OverrideAction.RETIME);
    }

    @Test
    void guideWindowProblemsNameTheParameter() {
        Tokens.asScheduler().queryParam("from", "tomorrow").get("/api/v1/guide").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("from"));
        Tokens.asScheduler().queryParam("from", CLOCK_START.toString()).queryParam("to", CLOCK_START.plus(Duration.ofDays(3)).toString())
                .get("/api/v1/guide").then().statusCode(400).body("field", equalTo("to"));
        Tokens.asScheduler().queryParam("from", CLOCK_START.toString()).queryParam("to", CLOCK_START.toString())
                .get("/api/v1/guide").then().statusCode(400).body("field", equalTo("to"));
    }

    /**
     * Waits until every demo channel has programmes in the window and resolution has settled (no pending requests, the
     * same programmes twice in a row), and returns the guide for it. The demo publishes in the background (catalog first,
     * then each channel with its plans), so a channel may be missing from the first answers; coverage is not required.
     */
    private JsonPath awaitDemoSchedule(Instant from, Instant to) {
        Db db = new Db(dataSource);
        List<Object> previous = new ArrayList<>();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            JsonPath g = guide(from, to);
            List<Object> uuids = programmes(g).stream().map(p -> p.get("uuid")).toList();
            // a channel the demo has not published yet is absent from the guide (null), not empty
            boolean settled = DEMO_SLUGS.stream().allMatch(slug -> {
                List<Object> programmes = g.getList("channels.find { it.slug == '" + slug + "' }.programmes");
                return programmes != null && !programmes.isEmpty();
            })
                    && db.count("SELECT count(*) FROM resolution_request") == 0 && uuids.equals(previous);
            previous.clear();
            previous.addAll(uuids);
            return settled;
        });
        return guide(from, to);
    }

    /**
     * Reports, as a ChannelManager would, the programmes of the three hours before the service started (up to the last
     * ones reconciliation has judged by then), in each channel in turn: aired, not reported, aired, late, aired, aired
     * another asset, aired, aired. A channel's first programme is always reported, because reconciliation judges nothing
     * missing before a channel's first report. Returns the colour each of them must get.
     */
    private static Map<String, String> reportAsRun(JsonPath guide) {
        Map<String, String> expected = new HashMap<>();
        Map<Object, Integer> reportedPerChannel = new HashMap<>();
        for (Map<String, Object> p : programmes(guide)) {
            Instant start = Instant.parse((String) p.get("start_utc"));
            Instant end = Instant.parse((String) p.get("end_utc"));
            if ("gap".equals(p.get("kind")) || end.isAfter(CLOCK_START.minus(JUDGED_AFTER)) || start.isBefore(CLOCK_START.minus(REPORTED))) {
                continue;
            }
            String uuid = (String) p.get("uuid");
            UUID channel = UUID.fromString((String) p.get("channel_id"));
            UUID asset = UUID.fromString((String) p.get("asset_uuid"));
            switch (reportedPerChannel.merge(p.get("channel_id"), 1, Integer::sum) % 8) {
                case 2 -> expected.put(uuid, "missing");
                case 4 -> {
                    kafka.send(channel.toString(), asRun(channel, uuid, asset, start.plus(LATE), end, "AIRED"));
                    expected.put(uuid, "late");
                }
                case 6 -> {
                    kafka.send(channel.toString(), asRun(channel, uuid, UUID.randomUUID(), start, end, "SUBSTITUTED"));
                    expected.put(uuid, "substituted");
                }
                default -> {
                    kafka.send(channel.toString(), asRun(channel, uuid, asset, start, end, "AIRED"));
                    expected.put(uuid, "aired");
                }
            }
        }
        assertThat(expected).as("programmes in the hours before the start").containsValues("aired", "late", "missing", "substituted");
        return expected;
    }

    private static AsRunRecorded asRun(UUID channel, String event, UUID asset, Instant start, Instant end, String status) {
        return new AsRunRecorded(UUID.randomUUID(), channel, UUID.fromString(event), asset, start, end, status, null, null);
    }

    private static void awaitReconciled(Instant from, Instant to, Set<String> events) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(programmes(guide(from, to)))
                .filteredOn(p -> events.contains(p.get("uuid")))
                .as("programmes reported or left unreported that reconciliation has not judged yet")
                .allSatisfy(p -> assertThat((List<?>) p.get("reconciliation")).as("%s", p).isNotEmpty()));
    }

    private void assertNowLineAtServiceNow(ChromeDriver browser) {
        WebElement line = browser.findElement(By.id("now-line"));
        assertThat(line.isDisplayed()).isTrue();
        Instant serviceNow = clock.instant();
        Instant drawnAt = Instant.parse(line.getDomAttribute("data-now-utc"));
        assertThat(Duration.between(serviceNow, drawnAt).abs()).as("the line is drawn at the service's now, not the browser's")
                .isLessThan(Duration.ofSeconds(3));
        WebElement grid = browser.findElement(By.id("guide-grid"));
        Instant gridFrom = Instant.parse(grid.getDomAttribute("data-from-utc"));
        double pxPerMin = Double.parseDouble(grid.getDomAttribute("data-px-per-min"));
        double lineX = line.getRect().getX() + line.getRect().getWidth() / 2.0;
        double originX = browser.findElement(By.id("rows")).getRect().getX();
        Instant atX = gridFrom.plusMillis(Math.round((lineX - originX) / pxPerMin * 60_000));
        assertThat(Duration.between(serviceNow, atX).abs()).as("where the line is on the time axis").isLessThan(Duration.ofSeconds(45));

        List<WebElement> onAir = browser.findElements(By.cssSelector(".prog[data-status='onair']"));
        assertThat(onAir).as("programmes on air").isNotEmpty().allSatisfy(cell -> assertThat(lineX).as("the line crosses what is on air")
                .isBetween((double) cell.getRect().getX(), (double) cell.getRect().getX() + cell.getRect().getWidth()));
        for (WebElement cell : onAir) {
            assertThat(Tokens.asScheduler().get("/api/v1/channels/{c}/now", cell.getDomAttribute("data-channel-id")).then().statusCode(200)
                    .extract().<String>path("event.uuid")).isEqualTo(cell.getDomAttribute("data-uuid"));
        }
    }

    private static String insertBreakingNewsThroughTheForm(ChromeDriver browser, String channelId, String assetUuid) {
        new Select(browser.findElement(By.id("ov-channel"))).selectByValue(channelId);
        new Select(browser.findElement(By.id("ov-action"))).selectByValue("INSERT");
        browser.findElement(By.id("ov-asset")).sendKeys(assetUuid);
        WebElement startIn = browser.findElement(By.id("ov-start-in"));
        startIn.clear();
        startIn.sendKeys("3");
        new Select(browser.findElement(By.id("ov-resume"))).selectByValue("JOIN_IN_PROGRESS");
        browser.findElement(By.id("ov-submit")).click();
        WebElement result = browser.findElement(By.id("ov-result"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !result.getText().isEmpty() && !result.getText().startsWith("Sending"));
        assertThat(result.getDomAttribute("class")).as(result.getText()).isEqualTo("ok");
        return result.getDomAttribute("data-override-id");
    }

    /**
     * Opens the page signed in through the address bar. From a blank page first: a previous test left the guide open,
     * and a navigation that changes only the fragment would not load the page again.
     */
    private void openGuide(ChromeDriver browser) {
        browser.get("about:blank");
        browser.get(root + "#token=" + token());
    }

    /** Selects a programme in the guide, presses one of its override buttons, fills the rest and sends the form. */
    private static String overrideFromTheDetails(ChromeDriver browser, Map<String, Object> programme, String button, Runnable fill) {
        WebElement cell = browser.findElement(By.cssSelector(".prog[data-uuid='" + programme.get("uuid") + "']"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", cell);
        cell.click();
        browser.findElements(By.cssSelector("#details .detail-actions button")).stream().filter(b -> b.getText().equals(button)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + button + " button in the details")).click();
        assertThat(browser.findElement(By.id("ov-target")).getDomProperty("value")).isEqualTo(programme.get("uuid"));
        assertThat(browser.findElement(By.id("ov-asset")).isDisplayed()).as("an asset is asked for").isFalse();
        WebElement reason = browser.findElement(By.id("ov-reason"));
        reason.clear();
        reason.sendKeys("rights issue");
        fill.run();
        browser.findElement(By.id("ov-submit")).click();
        WebElement result = browser.findElement(By.id("ov-result"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !result.getText().isEmpty() && !result.getText().startsWith("Sending"));
        assertThat(result.getDomAttribute("class")).as(result.getText()).isEqualTo("ok");
        return result.getDomAttribute("data-override-id");
    }

    private static List<Map<String, Object>> playlog(String channel, Instant from, Instant to) {
        return Tokens.asScheduler().queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/channels/{c}/playlog", channel).then().statusCode(200).extract().path("");
    }

    private static Instant start(Map<String, Object> programme) {
        return Instant.parse((String) programme.get("start_utc"));
    }

    private static Instant end(Map<String, Object> programme) {
        return Instant.parse((String) programme.get("end_utc"));
    }

    private static OverrideApplied awaitApplied(String overrideId) {
        List<OverrideApplied> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, byte[]> r : kafka.readAll("continuity.overrides", 10_000, Duration.ofSeconds(1))) {
                OverrideApplied applied = EventJson.mapper().readValue(r.value(), OverrideApplied.class);
                if (applied.overrideId().toString().equals(overrideId)) {
                    found.add(applied);
                    return true;
                }
            }
            return false;
        });
        return found.get(0);
    }

    private static void saveScreenshot(ChromeDriver browser) throws Exception {
        Path file = Path.of(System.getProperty("guide.screenshot", "target/guide.png"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }

    private static JsonPath guide(Instant from, Instant to) {
        return Tokens.asScheduler().queryParam("from", from.toString()).queryParam("to", to.toString()).get("/api/v1/guide")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Every programme of the guide, each with its channel_id. */
    private static List<Map<String, Object>> programmes(JsonPath guide) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> channel : guide.<Map<String, Object>>getList("channels")) {
            for (Object p : (List<?>) channel.get("programmes")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> programme = new HashMap<>((Map<String, Object>) p);
                programme.put("channel_id", channel.get("channel_id"));
                all.add(programme);
            }
        }
        return all;
    }

    private static String channelId(JsonPath guide, String slug) {
        return guide.getString("channels.find { it.slug == '" + slug + "' }.channel_id");
    }

    private static String assetOf(JsonPath guide, String slug) {
        return guide.getString("channels.find { it.slug == '" + slug + "' }.programmes.find { it.kind == 'program' }.asset_uuid");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cells(ChromeDriver browser) {
        return (List<Map<String, Object>>) browser.executeScript("""
                return [...document.querySelectorAll('#rows .prog')].map(b => ({uuid: b.dataset.uuid, channel: b.dataset.channelId,
                  kind: b.dataset.kind, status: b.dataset.status, override: b.dataset.overrideId || null, label: b.getAttribute('aria-label')}));""");
    }
}
