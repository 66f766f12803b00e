package io.continuity.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.HeadlessChromium;
import io.continuity.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The planner pages in headless Chromium: a channel, a label, a plan with three assignments (one typed into the form,
 * one dragged out on the day grid with a rule built in the rule builder, one placed and then moved and resized with the
 * keyboard) are built from scratch through the pages only, previewed, published, and the guide fills for the channel;
 * the catalog browser explains an ineligible asset and the history page compares two versions of the day. A viewer
 * sees no editing controls. Every control on every page has an accessible name. The pages are saved as PNGs into
 * {@code target/} or the folder in {@code -Dplanner.screenshots} (the docs' {@code docs/planner-*.png}).
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class PlannerPageTest {

    private static final Duration UI = Duration.ofSeconds(20);

    private static HeadlessChromium chromium;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() throws Exception {
        chromium = HeadlessChromium.start(1400, 1000);
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aChannelAndAPlanWithThreeAssignmentsAreBuiltPreviewedAndPublishedThroughThePages() throws Exception {
        Catalog catalog = Catalog.publish();
        ChromeDriver browser = chromium.driver();
        open(browser, "planner/", Tokens.scheduler());
        assertThat(browser.findElement(By.id("session")).getText()).contains("scheduler").doesNotContain("read only");

        String channelId = createChannel(browser, catalog);
        screenshot(browser, "planner-channels.png");

        tab(browser, "plans");
        fill(browser, "pl-name", "Every day");
        fill(browser, "pl-priority", "10");
        fill(browser, "pl-cron", "* * * * *");
        assertThat(text(browser, "pl-cron-text")).isEqualTo("Applies every day.");
        browser.findElement(By.id("pl-save")).click();
        await().atMost(UI).until(() -> browser.findElements(By.cssSelector("#day-grid .gl")).size() == 48);

        typedAssignment(browser, catalog);
        draggedRuleAssignment(browser, catalog);
        keyboardAssignment(browser, catalog);
        resizeByDragging(browser, "00:00", 90);
        assertThat(browser.findElements(By.cssSelector("#pending-list li[data-op]"))).extracting(e -> e.getDomAttribute("data-op"))
                .containsExactly("create_plan", "add_assignment", "add_assignment", "add_assignment");
        assertThat(blocks(browser)).containsExactly("00:00/90", "02:00/120", "05:30/60");

        boolean previewed = preview(browser, catalog);
        screenshot(browser, "planner-plans.png");
        publish(browser, 4);

        String planId = Tokens.asScheduler().get("/api/v1/channels/{c}/plans", channelId).then().statusCode(200)
                .body("name", equalTo(List.of("Every day"))).extract().path("[0].plan_id");
        List<Map<String, Object>> stored = Tokens.asScheduler().get("/api/v1/plans/{p}/assignments", planId).then().statusCode(200).extract().path("");
        assertThat(stored).extracting(a -> a.get("start_time") + "/" + a.get("duration") + "/" + a.get("content_type"))
                .containsExactly("00:00/90/series", "02:00/120/rule", "05:30/60/asset");
        assertThat(stored.get(1).get("content_reference")).isEqualTo(Map.of("genre", List.of(catalog.genre), "kind", List.of("movie")));

        guideFills(browser, channelId);
        open(browser, "planner/", Tokens.scheduler());
        plusOneChannel(browser, catalog, channelId);
        new Select(browser.findElement(By.id("channel-select"))).selectByValue(channelId);
        await().atMost(UI).until(() -> browser.findElements(By.cssSelector("#plan-list button[data-plan-id]")).size() == 1);
        catalogPage(browser, catalog, channelId);
        historyPage(browser);
        assertEveryControlIsLabelled(browser);
        Assumptions.assumeTrue(previewed, "POST /api/v1/channels/{id}/preview answered 404 on this build: everything but the preview's diff was "
                + "checked; the diff is checked once the preview endpoint is merged");
    }

    @Test
    void aViewerSeesThePlannerReadOnlyAndTheApiRefusesItsCommands() throws Exception {
        ChromeDriver browser = chromium.driver();
        open(browser, "planner/", Tokens.viewer());
        assertThat(text(browser, "session")).contains("viewer").contains("read only");
        for (String id : List.of("ch-save", "channel-new", "label-form", "pl-save", "as-save", "pv-publish")) {
            assertThat(browser.findElement(By.id(id)).isDisplayed()).as(id).isFalse();
        }
        assertThat(browser.findElement(By.id("ch-slug")).isEnabled()).isFalse();
        Tokens.asViewer().contentType("application/json").body(Map.of("slug", "nope", "title", "Nope")).post("/api/v1/channels").then()
                .statusCode(403);
    }

    @Test
    void catalogApiFiltersCountsRuleMatchesAndExplainsIneligibility() {
        Catalog catalog = Catalog.publish();
        Tokens.asViewer().queryParam("genre", catalog.genre).get("/api/v1/assets/search").then().statusCode(200).body("total", equalTo(7));
        Tokens.asViewer().queryParam("genre", catalog.genre).queryParam("eligible", false).get("/api/v1/assets/search").then().statusCode(200)
                .body("items.asset_uuid", equalTo(List.of(catalog.unapproved.toString())));
        Tokens.asViewer().queryParam("tag", catalog.genre).queryParam("q", "EPISODE").get("/api/v1/assets/search").then().statusCode(200)
                .body("total", equalTo(4));
        Tokens.asViewer().queryParam("kind", "film").get("/api/v1/assets/search").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("kind"));
        Tokens.asViewer().contentType("application/json").body(Map.of("genre", List.of(catalog.genre))).post("/api/v1/assets/rule-matches").then()
                .statusCode(200).body("matching", equalTo(7)).body("eligible", equalTo(6));
        Tokens.asViewer().contentType("application/json").body(Map.of("genre", List.of(catalog.genre), "kind", List.of("movie")))
                .post("/api/v1/assets/rule-matches").then().statusCode(200).body("matching", equalTo(4)).body("eligible", equalTo(3))
                .body("sample.size()", equalTo(3));
        Tokens.asViewer().contentType("application/json").body(Map.of("genres", List.of(catalog.genre))).post("/api/v1/assets/rule-matches").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("content_reference.genres"));
        Tokens.asViewer().get("/api/v1/assets/{a}/schedule", catalog.unapproved).then().statusCode(200).body("eligible", equalTo(false))
                .body("ineligible_because", hasItem("it is not approved for broadcast")).body("upcoming", equalTo(List.of()));
        Tokens.asViewer().get("/api/v1/session").then().statusCode(200).body("can_edit", equalTo(false)).body("roles", equalTo(List.of("viewer")));
    }

    // ---- the steps -------------------------------------------------------------------------------------------------------

    /** Creates the channel through the form, first with a slug the API refuses: the message appears next to the slug. */
    private static String createChannel(ChromeDriver browser, Catalog catalog) {
        browser.findElement(By.id("channel-new")).click();
        fill(browser, "ch-slug", "Not A Slug");
        fill(browser, "ch-title", "Planner TV " + catalog.key);
        fill(browser, "ch-timezone", "Europe/London");
        new Select(browser.findElement(By.id("ch-grid"))).selectByValue("30");
        fill(browser, "ch-offsets", "0, 30");
        new Select(browser.findElement(By.id("ch-default-type"))).selectByValue("rule");
        browser.findElement(By.id("ch-save")).click();
        WebElement error = await().atMost(UI).until(() -> browser.findElements(By.cssSelector("#channel-form .field-error")), l -> !l.isEmpty()).get(0);
        assertThat(error.getDomAttribute("data-for-field")).isEqualTo("slug");
        assertThat(browser.findElement(By.id("ch-slug")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).as("focus moves to the field at fault").isEqualTo("ch-slug");
        fill(browser, "ch-slug", "planner-" + catalog.key);
        browser.findElement(By.id("ch-save")).click();
        await().atMost(UI).until(() -> text(browser, "ch-result").startsWith("Created"));
        assertThat(browser.findElements(By.cssSelector("#channel-form .field-error"))).isEmpty();
        fill(browser, "lb-name", "Prime");
        browser.findElement(By.id("lb-save")).click();
        await().atMost(UI).until(() -> text(browser, "label-list").contains("Prime"));
        return new Select(browser.findElement(By.id("channel-select"))).getFirstSelectedOption().getDomAttribute("value");
    }

    /** A "+1" of the channel made through the form: the API holds the time shift, the plans page says it has none of its own. */
    private static void plusOneChannel(ChromeDriver browser, Catalog catalog, String sourceId) {
        browser.findElement(By.id("channel-new")).click();
        fill(browser, "ch-slug", "planner-" + catalog.key + "-plus-1");
        fill(browser, "ch-title", "Planner TV +1 " + catalog.key);
        new Select(browser.findElement(By.id("ch-shift-source"))).selectByValue(sourceId);
        fill(browser, "ch-shift-minutes", "60");
        browser.findElement(By.id("ch-save")).click();
        await().atMost(UI).until(() -> text(browser, "ch-result").startsWith("Created"));
        List<Map<String, Object>> channels = Tokens.asScheduler().get("/api/v1/channels").then().statusCode(200).extract().path("");
        assertThat(channels).filteredOn(c -> ("planner-" + catalog.key + "-plus-1").equals(c.get("slug"))).singleElement()
                .satisfies(c -> assertThat(c.get("time_shift")).isEqualTo(Map.of("source_channel_id", sourceId, "offset_minutes", 60)));
        tab(browser, "plans");
        await().atMost(UI).until(() -> text(browser, "plan-list").contains("60 minutes later"));
        tab(browser, "channels");
    }

    /** 00:00 for 60 minutes of the series, found by searching the catalog and chosen from the results. */
    private static void typedAssignment(ChromeDriver browser, Catalog catalog) {
        fill(browser, "as-start", "00:00");
        fill(browser, "as-duration", "60");
        new Select(browser.findElement(By.id("as-type"))).selectByValue("series");
        pick(browser, catalog.seriesTitle, catalog.series, false);
        new Select(browser.findElement(By.id("as-policy"))).selectByValue("sequential");
        new Select(browser.findElement(By.id("as-label"))).selectByVisibleText("Prime");
        browser.findElement(By.id("as-save")).click();
        await().atMost(UI).until(() -> blocks(browser).contains("00:00/60"));
    }

    /** Dragged from 02:10 to 03:50 (snapped to 02:00 for 120 minutes), then given a rule whose live count is checked. */
    private static void draggedRuleAssignment(ChromeDriver browser, Catalog catalog) {
        WebElement grid = browser.findElement(By.id("day-grid"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", grid);
        int top = grid.getRect().getY();
        int x = grid.getRect().getX() + grid.getRect().getWidth() - 40;
        double pxPerMin = Double.parseDouble(grid.getDomAttribute("data-px-per-min"));
        Actions drag = new Actions(browser);
        int scroll = ((Number) browser.executeScript("return window.scrollY")).intValue();
        drag.moveToLocation(x, top - scroll + (int) (130 * pxPerMin)).clickAndHold().moveToLocation(x, top - scroll + (int) (230 * pxPerMin))
                .release().perform();
        assertThat(browser.findElement(By.id("as-start")).getDomProperty("value")).isEqualTo("02:00");
        assertThat(browser.findElement(By.id("as-duration")).getDomProperty("value")).isEqualTo("120");
        new Select(browser.findElement(By.id("as-type"))).selectByValue("rule");
        browser.findElement(By.id("as-content-kind-movie")).click();
        fill(browser, "as-content-genre", catalog.genre);
        await().atMost(UI).until(() -> "3".equals(browser.findElement(By.id("as-content-count")).getDomAttribute("data-eligible")));
        assertThat(browser.findElement(By.id("as-content-count")).getDomAttribute("data-matching")).isEqualTo("4");
        browser.findElement(By.id("as-save")).click();
        await().atMost(UI).until(() -> blocks(browser).contains("02:00/120"));
    }

    /** 05:00 for 30 minutes of one asset, then moved down one block (05:30) and lengthened one block (60) with the keyboard. */
    private static void keyboardAssignment(ChromeDriver browser, Catalog catalog) {
        browser.findElement(By.id("as-clear")).click();
        fill(browser, "as-start", "05:00");
        fill(browser, "as-duration", "30");
        new Select(browser.findElement(By.id("as-type"))).selectByValue("asset");
        pick(browser, catalog.episodeTitle, catalog.episode.toString(), true);
        browser.findElement(By.id("as-content-ref")).sendKeys(Keys.ENTER);
        await().atMost(UI).until(() -> blocks(browser).contains("05:00/30"));
        focus(browser, "05:00");
        new Actions(browser).sendKeys(Keys.ARROW_DOWN).perform();
        await().atMost(UI).until(() -> blocks(browser).contains("05:30/30"));
        new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_DOWN).keyUp(Keys.SHIFT).perform();
        await().atMost(UI).until(() -> blocks(browser).contains("05:30/60"));
    }

    private static void resizeByDragging(ChromeDriver browser, String start, int minutes) {
        WebElement handle = browser.findElement(By.cssSelector("#day-grid .block[data-start='" + start + "'] .resize"));
        double pxPerMin = Double.parseDouble(browser.findElement(By.id("day-grid")).getDomAttribute("data-px-per-min"));
        int current = Integer.parseInt(browser.findElement(By.cssSelector("#day-grid .block[data-start='" + start + "']")).getDomAttribute("data-duration"));
        new Actions(browser).clickAndHold(handle).moveByOffset(0, (int) ((minutes - current + 5) * pxPerMin)).release().perform();
        await().atMost(UI).until(() -> blocks(browser).contains(start + "/" + minutes));
    }

    /**
     * Answers whether the preview endpoint exists; when it does, the diff of today and tomorrow must list programmes of
     * the new assignments as added (today's first hours are inside the lock window, so tomorrow is previewed too).
     */
    private static boolean preview(ChromeDriver browser, Catalog catalog) {
        fill(browser, "pv-days", "2");
        browser.findElement(By.id("pv-preview")).click();
        await().atMost(Duration.ofSeconds(40)).until(() -> browser.findElement(By.id("preview")).getDomAttribute("data-state") != null);
        String state = browser.findElement(By.id("preview")).getDomAttribute("data-state");
        if ("unavailable".equals(state)) {
            assertThat(text(browser, "pv-result")).contains("404");
            return false;
        }
        assertThat(state).as(text(browser, "pv-result")).isEqualTo("shown");
        List<WebElement> added = browser.findElements(By.cssSelector("#preview ul[id$='-added'] li[data-kind='program']"));
        assertThat(added).extracting(WebElement::getText).hasSizeGreaterThanOrEqualTo(3)
                .anySatisfy(t -> assertThat(t).contains(catalog.episodeTitle)).anySatisfy(t -> assertThat(t).contains("Movie"));
        assertThat(browser.findElements(By.cssSelector("#preview .previewed li"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#pending-list li[data-op]"))).as("a preview publishes nothing").hasSize(4);
        return true;
    }

    private static void publish(ChromeDriver browser, int changes) {
        browser.findElement(By.id("pv-publish")).click();
        await().atMost(Duration.ofSeconds(60)).until(() -> text(browser, "pv-result").startsWith("Published") || text(browser, "pv-result").startsWith("Refused"));
        assertThat(text(browser, "pv-result")).startsWith("Published " + changes + " change(s)");
        assertThat(browser.findElements(By.cssSelector("#pending-list li[data-op]"))).isEmpty();
    }

    private void guideFills(ChromeDriver browser, String channelId) {
        open(browser, "", Tokens.scheduler());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            if (browser.findElements(By.cssSelector(".prog[data-channel-id='" + channelId + "'][data-kind='program']")).isEmpty()) {
                browser.findElement(By.id("follow-now")).click();
                return false;
            }
            return true;
        });
        assertThat(browser.findElement(By.id("to-planner")).getDomAttribute("href")).isEqualTo("planner/");
    }

    private static void catalogPage(ChromeDriver browser, Catalog catalog, String channelId) throws Exception {
        tab(browser, "catalog");
        fill(browser, "cat-genre", catalog.genre);
        new Select(browser.findElement(By.id("cat-eligible"))).selectByValue("false");
        browser.findElement(By.cssSelector("#catalog-form button[type='submit']")).click();
        await().atMost(UI).until(() -> text(browser, "cat-count").startsWith("1 asset"));
        browser.findElement(By.cssSelector("#cat-table tbody tr button")).click();
        await().atMost(UI).until(() -> !browser.findElements(By.id("asset-reasons")).isEmpty());
        assertThat(text(browser, "asset-reasons")).contains("Because it is not approved for broadcast.");

        new Select(browser.findElement(By.id("cat-eligible"))).selectByValue("");
        fill(browser, "cat-genre", "");
        fill(browser, "cat-q", catalog.episodeTitle);
        browser.findElement(By.id("cat-q")).sendKeys(Keys.ENTER);
        await().atMost(UI).until(() -> text(browser, "cat-count").startsWith("1 asset"));
        browser.findElement(By.cssSelector("#cat-table tbody tr button")).click();
        await().atMost(UI).until(() -> !browser.findElements(By.cssSelector("#asset-upcoming li[data-event-uuid]")).isEmpty());
        assertThat(text(browser, "asset-upcoming")).contains("Planner TV " + catalog.key);
        screenshot(browser, "planner-catalog.png");
    }

    /** Removes the 05:30 assignment with the Delete key, publishes it, and compares tomorrow's last two versions. */
    private static void historyPage(ChromeDriver browser) throws Exception {
        tab(browser, "plans");
        await().atMost(UI).until(() -> blocks(browser).size() == 3);
        focus(browser, "05:30");
        new Actions(browser).sendKeys(Keys.DELETE).perform();
        assertThat(browser.findElements(By.cssSelector("#pending-list li[data-op]"))).extracting(e -> e.getDomAttribute("data-op"))
                .containsExactly("remove_assignment");
        publish(browser, 1);
        tab(browser, "history");
        // tomorrow: today's 05:30 may already have aired or lie inside the lock window (frozen), whatever time the test runs
        browser.executeScript("""
                const day = document.getElementById('hi-day'); const next = new Date(day.value + 'T00:00:00Z');
                next.setUTCDate(next.getUTCDate() + 1); day.value = next.toISOString().slice(0, 10);""");
        // the removal makes a new version of the day; until it is resolved the last two versions differ in something else.
        // Each round compares the newest pair the table shows (drawn by the previous round), then asks for the versions
        // again: clicking a row the page is redrawing at that moment would find a stale element.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
            if (!browser.findElements(By.cssSelector("#hi-removed li[data-kind='program']")).isEmpty()) {
                return true;
            }
            List<WebElement> compare = browser.findElements(By.cssSelector("#hi-table tbody tr button"));
            if (!compare.isEmpty()) {
                compare.get(compare.size() - 1).click();
            }
            browser.findElement(By.cssSelector("#history-form button")).click();
            return false;
        });
        screenshot(browser, "planner-history.png");
    }

    /** Every visible control on every page has an accessible name: a label, aria-label or aria-labelledby, or its text. */
    private static void assertEveryControlIsLabelled(ChromeDriver browser) {
        for (String page : List.of("channels", "plans", "catalog", "history")) {
            tab(browser, page);
            @SuppressWarnings("unchecked")
            List<String> unnamed = (List<String>) browser.executeScript("""
                    return [...document.querySelectorAll('input, select, textarea, button, [role=button], [tabindex]')]
                      .filter(c => c.offsetParent !== null && c.type !== 'hidden')
                      .filter(c => !((c.labels && [...c.labels].some(l => l.textContent.trim())) || c.getAttribute('aria-label')
                        || c.getAttribute('aria-labelledby') || (['BUTTON', 'A'].includes(c.tagName) && c.textContent.trim())))
                      .map(c => c.outerHTML.slice(0, 120));""");
            assertThat(unnamed).as("controls without an accessible name on the %s page", page).isEmpty();
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------------

    private void open(ChromeDriver browser, String path, String token) {
        browser.get("about:blank");
        browser.get(root + path + "#token=" + token);
        if (path.startsWith("planner")) {
            await().atMost(UI).until(() -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        }
    }

    /** Searches the picker, waits for the result naming {@code ref}, and chooses it with a click or the Enter key. */
    private static void pick(ChromeDriver browser, String query, String ref, boolean keyboard) {
        fill(browser, "as-content-search", query);
        By result = By.cssSelector("#as-content-results[data-query='" + query + "'] button[data-ref='" + ref + "']");
        await().atMost(UI).ignoreExceptions().until(() -> {
            WebElement button = browser.findElement(result);
            if (keyboard) {
                button.sendKeys(Keys.ENTER);
            } else {
                button.click();
            }
            return ref.equals(browser.findElement(By.id("as-content-ref")).getDomProperty("value"));
        });
    }

    private static void focus(ChromeDriver browser, String start) {
        browser.executeScript("arguments[0].focus()", browser.findElement(By.cssSelector("#day-grid .block[data-start='" + start + "']")));
    }

    private static void tab(ChromeDriver browser, String page) {
        browser.findElement(By.id("tab-" + page)).click();
    }

    private static void fill(ChromeDriver browser, String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        if (!value.isEmpty()) {
            input.sendKeys(value);
        }
    }

    private static String text(ChromeDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** The day grid's blocks as start/duration, top to bottom. */
    private static List<String> blocks(ChromeDriver browser) {
        List<String> blocks = new ArrayList<>();
        for (WebElement b : browser.findElements(By.cssSelector("#day-grid .block[data-assignment-id]"))) {
            blocks.add(b.getDomAttribute("data-start") + "/" + b.getDomAttribute("data-duration"));
        }
        return blocks;
    }

    private static void screenshot(ChromeDriver browser, String name) throws Exception {
        browser.executeScript("window.scrollTo(0, 0)");
        Path file = Path.of(System.getProperty("planner.screenshots", "target")).resolve(name);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * A catalog of its own, published through the REST API: a series of three eligible episodes, and a genre (also a
     * tag) shared by them, three eligible movies and one movie not approved for broadcast.
     */
    record Catalog(String key, String series, String seriesTitle, String genre, UUID episode, String episodeTitle, UUID unapproved) {

        static Catalog publish() {
            String key = UUID.randomUUID().toString().substring(0, 6);
            String series = "planner-series-" + key;
            String genre = "genre" + key;
            UUID first = null;
            for (int e = 1; e <= 3; e++) {
                UUID id = asset(Map.of("title", "Episode " + e + " " + key, "kind", "episode", "duration_ms", 25 * 60_000, "series_id", series,
                        "series_title", "Series " + key, "season", 1, "episode", e, "genre", genre, "tags", List.of(genre)), true);
                first = first == null ? id : first;
            }
            for (int m = 1; m <= 3; m++) {
                asset(Map.of("title", "Movie " + m + " " + key, "kind", "movie", "duration_ms", 100 * 60_000, "genre", genre), true);
            }
            UUID unapproved = asset(Map.of("title", "Unapproved movie " + key, "kind", "movie", "duration_ms", 90 * 60_000, "genre", genre,
                    "tags", List.of(genre), "episode_title", "episode " + key), false);
            return new Catalog(key, series, "Series " + key, genre, first, "Episode 1 " + key, unapproved);
        }

        private static UUID asset(Map<String, Object> fields, boolean approved) {
            Map<String, Object> body = new java.util.HashMap<>(fields);
            body.put("state", "ready");
            body.put("approved_for_broadcast", approved);
            String uuid = Tokens.asScheduler().contentType("application/json").body(body).post("/api/v1/assets").then().statusCode(201)
                    .extract().path("asset_uuid");
            return UUID.fromString(uuid);
        }
    }
}
