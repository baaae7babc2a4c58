package io.modelprint.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PrintOptions;

/**
 * Debian's Chromium, headless, driven by its chromedriver (named explicitly: Selenium Manager never
 * downloads anything). A test class starts one and shares it; without the two binaries the test is
 * skipped (CI installs them, .ci/run). Overridden by $MODELPRINT_CHROMIUM and $MODELPRINT_CHROMEDRIVER.
 */
final class HeadlessChromium implements AutoCloseable {
    /** Where test artifacts (screenshots, PDFs, the pages) are kept: target/browser-artifacts of the module. */
    static final Path ARTIFACTS = Path.of("target", "browser-artifacts");

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A started browser, or the calling test skipped when Chromium or chromedriver is not installed. */
    static HeadlessChromium startOrSkip() throws IOException {
        Path browser = Path.of(env("MODELPRINT_CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(env("MODELPRINT_CHROMEDRIVER", "/usr/bin/chromedriver"));
        Assumptions.assumeTrue(Files.isExecutable(browser) && Files.isExecutable(chromedriver),
                "headless Chromium tests need " + browser + " and " + chromedriver + " (apt-get install chromium chromium-driver)");
        Path profile = Files.createTempDirectory("modelprint-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        // root in a container has no sandbox to give; the profile is the test's own
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1024",
                "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver.toString()))
                .usingAnyFreePort().build();
        Files.createDirectories(ARTIFACTS);
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a local file; the browser log is emptied first, so {@link #severeLogs()} holds this page's entries only. */
    void open(Path file) {
        driver.manage().logs().get(LogType.BROWSER);
        driver.get(file.toAbsolutePath().toUri().toString());
    }

    /** Opens {@code url} over HTTP, every request carrying {@code Authorization: Bearer token}; the browser log is emptied first. */
    void open(String url, String token) {
        driver.manage().logs().get(LogType.BROWSER);
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Bearer " + token)));
        driver.get(url);
    }

    /** The SEVERE entries of the browser's console since the page was opened (errors, blocked loads, policy violations). */
    List<String> severeLogs() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    Object script(String javascript) {
        return driver.executeScript(javascript);
    }

    /** A screenshot of the whole page (the window grown to its height) as {@code ARTIFACTS/name}. */
    Path screenshot(String name) throws IOException {
        long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(16000, Math.max(600, height))));
        Path out = ARTIFACTS.resolve(name);
        Files.write(out, driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(1280, 1024));
        return out;
    }

    /** The page printed to PDF (A4, backgrounds on) as {@code ARTIFACTS/name}. */
    Path print(String name) throws IOException {
        PrintOptions options = new PrintOptions();
        options.setBackground(true);
        Pdf pdf = driver.print(options);
        Path out = ARTIFACTS.resolve(name);
        Files.write(out, Base64.getDecoder().decode(pdf.getContent()));
        return out;
    }

    /** Renders the page as for print (the print stylesheet applies) until {@link #screenMedia()}. */
    void printMedia() {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    }

    void screenMedia() {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
