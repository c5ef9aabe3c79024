package org.simnotes.sitegen.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (or Chrome) driven by its chromedriver. The background-networking flags keep the
 * browser itself from calling out, so the performance log holds only what the page asked for.
 */
public final class Browser implements AutoCloseable {
    private final ChromeDriver driver;
    /** The browser's profile, made here so that closing the browser leaves nothing behind. */
    private final Path profile;

    public Browser(int width, int height) {
        this(width, height, 16);
    }

    /** A browser whose reader set the default font size to {@code fontSize} px (16 unless they change it). */
    public Browser(int width, int height, int fontSize) {
        BrowserInstall install = BrowserInstall.find().orElseThrow(() -> new IllegalStateException(BrowserInstall.lookedFor()));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(install.browser().toFile());
        try {
            profile = Files.createTempDirectory("simnotes-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.addArguments("--user-data-dir=" + profile);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--allow-file-access-from-files=false",
                "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("prefs", Map.of("webkit.webprefs.default_font_size", fontSize));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(install.driver().toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    public Browser() {
        this(1280, 900);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Navigates; {@link #requestedUrls()} then lists what this page asked for. */
    public void open(String url) {
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.get(url);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs an asynchronous script: it ends by calling the function passed as its last argument. */
    public Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Makes the page see the system's colour scheme as {@code scheme}, light or dark, as a reader's setting would. */
    public void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Slows the network to {@code latencyMs} a request and {@code bytesPerSecond} each way. */
    public void throttle(int latencyMs, int bytesPerSecond) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", latencyMs,
                "downloadThroughput", bytesPerSecond, "uploadThroughput", bytesPerSecond));
    }

    public WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /** Console messages at error level since the last call (each call drains the log). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** URLs of every request made since the last {@link #open} or call (each call drains the log). */
    @SuppressWarnings("unchecked")
    public List<String> requestedUrls() {
        return driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(e -> (Map<String, Object>) new org.openqa.selenium.json.Json().toType(e.getMessage(), Map.class))
                .map(m -> (Map<String, Object>) m.get("message"))
                .filter(m -> "Network.requestWillBeSent".equals(m.get("method")))
                .map(m -> (String) ((Map<String, Object>) ((Map<String, Object>) m.get("params")).get("request")).get("url"))
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> all = Files.walk(profile)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
