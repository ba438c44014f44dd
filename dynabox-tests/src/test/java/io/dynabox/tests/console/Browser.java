package io.dynabox.tests.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by its ChromeDriver: both from the machine (apt-get
 * install chromium chromium-driver; .ci/run installs them), never downloaded by the test.
 * Where they are missing the browser tests are skipped, so a build without them still passes.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("dynabox.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("dynabox.chromedriver", "/usr/bin/chromedriver");

    final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh headless browser with an empty profile; skips the calling test where Chromium is not installed. */
    static Browser start() {
        assumeTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "Chromium and ChromeDriver are not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "): browser tests skipped");
        Path profile;
        try {
            profile = Files.createTempDirectory("dynabox-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        driver.quit();
        TempDirs.delete(profile);
    }

    /** Deletes the browser's profile directory. */
    private static final class TempDirs {
        static void delete(Path directory) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a profile left behind in the temporary directory harms nothing
            }
        }
    }
}
