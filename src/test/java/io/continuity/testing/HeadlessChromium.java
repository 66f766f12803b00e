package io.continuity.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Chromium (or Google Chrome) driven through a chromedriver, headless, with a fresh profile and nothing that reaches the
 * network on its own. Both binaries are found by {@link TestTools} and given by path, so Selenium Manager never looks for
 * (or downloads) a browser. A machine without them fails the test with one line saying what to install: browser tests
 * never skip silently.
 */
public final class HeadlessChromium implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A new browser window of the given size, with a profile of its own that {@link #close()} deletes. */
    public static HeadlessChromium start(int width, int height) throws IOException {
        TestTools.Browser browser = TestTools.browser();
        System.setProperty("webdriver.chrome.driver", browser.driver().toString());
        Path profile = Files.createTempDirectory("continuity-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.binary().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--force-device-scale-factor=1", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(browser.driver().toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // --window-size includes the window frame; this makes the page itself exactly width x height (screenshots)
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", false));
        return new HeadlessChromium(driver, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
