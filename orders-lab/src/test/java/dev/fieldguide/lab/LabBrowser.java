package dev.fieldguide.lab;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium driven through its chromedriver, with the browser console kept for
 * the test to read. Without them a developer's run skips the browser tests; CI, which installs
 * them, sets {@value #REQUIRED} to {@code true}, so there a missing browser fails instead.
 */
final class LabBrowser {

  static final String REQUIRED = "FIELDGUIDE_BROWSER_TESTS_REQUIRED";
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 720;

  private LabBrowser() {}

  /** A browser window of a screen share's size, 1280 x 720. */
  static ChromeDriver open() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present && Boolean.parseBoolean(System.getenv(REQUIRED))) {
      fail(
          CHROMIUM + " and " + DRIVER + " are required (apt-get install chromium chromium-driver)");
    }
    assumeTrue(present, "no " + CHROMIUM + " or " + DRIVER + ": the browser tests are skipped");
    var options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-extensions", "--window-size=" + WIDTH + "," + HEIGHT,
            "--force-prefers-reduced-motion");
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .withTimeout(Duration.ofSeconds(30)).build();
    var browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    // The window's size includes its frame: grow it until the page itself has 1280 x 720.
    Object frame = browser.executeScript(
        "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]");
    List<?> extra = (List<?>) Objects.requireNonNull(frame);
    browser.manage().window().setSize(new Dimension(WIDTH + ((Number) extra.get(0)).intValue(),
        HEIGHT + ((Number) extra.get(1)).intValue()));
    return browser;
  }

  /** The console's errors since the last call: scripts, failed loads, policy violations. */
  static List<String> consoleErrors(ChromeDriver browser) {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).toList();
  }
}
