package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.webjars.WebJarVersionLocator;

/**
 * The Pattern Lab page in a real browser (headless Chromium), against the started application,
 * opened without a token as a developer's browser opens it: it lists the topics, runs labs whose
 * phases stream in as they are measured, draws their charts, shows a long lab's progress and the
 * 409 of a second start, runs a lab from the keyboard alone, passes an axe-core check in light
 * and dark, and logs no console error.
 * The screenshots land in {@code target/lab-page/}; the README's is taken here, so it never drifts.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabPageBrowserIntegrationTests {

  static final Path SCREENSHOTS = Path.of("target", "lab-page");
  static final Path README_SCREENSHOT = TopicIndex.ROOT.resolve("docs/images/lab-page.png");
  private static final Duration LONG_LAB = Duration.ofMinutes(3);

  @Autowired
  Api api;

  @Autowired
  TestData data;

  private ChromeDriver browser;

  @BeforeAll
  void openTheBrowser() throws IOException {
    browser = LabBrowser.open();
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void openThePage() {
    browser.get(api.base().resolve("/lab").toString());
    until(Duration.ofSeconds(20), () -> !browser.findElements(By.cssSelector("article.topic"))
        .isEmpty());
  }

  /** Only the 409 a test provokes on purpose may reach the console. */
  @AfterEach
  void noConsoleErrors() {
    assertThat(LabBrowser.consoleErrors(browser))
        .filteredOn(error -> !(error.contains("/lab/runs - ") && error.contains("409")))
        .isEmpty();
  }

  @Test
  void listsEveryTopicBySectionWithARunButtonForEachLab() throws IOException {
    List<String> sections = browser.findElements(By.cssSelector("#sections h2")).stream()
        .map(WebElement::getText).toList();
    assertThat(sections).contains("P — Python core (java-core)", "PG — PostgreSQL");
    assertThat(browser.findElements(By.cssSelector("article.topic")))
        .hasSize(TopicIndex.rows().size());
    List<String> runnable = browser.findElements(By.cssSelector("button.run-button")).stream()
        .map(button -> button.getDomAttribute("data-lab")).distinct().sorted().toList();
    assertThat(runnable).isEqualTo(
        api.get("/lab", Map.of("Accept", "text/plain")).body().lines().sorted().toList());
    screenshot("topics.png");
  }

  @Test
  void aFastLabStreamsItsPhasesAndDrawsItsChart() throws IOException {
    data.orders(110, 2);

    run("n-plus-one");
    awaitState("PASSED", Duration.ofSeconds(60));

    assertThat(browser.findElements(By.cssSelector("#phases li.phase.pass"))).hasSize(7);
    WebElement chart = browser.findElement(By.cssSelector("#charts figure.chart canvas"));
    assertThat(inkedPixels(chart)).as("pixels the chart drew").isGreaterThan(500);
    screenshot("n-plus-one.png");
    Files.createDirectories(README_SCREENSHOT.getParent());
    Files.copy(SCREENSHOTS.resolve("n-plus-one.png"), README_SCREENSHOT,
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void aLabWithManyPhasesShowsEveryOne() throws IOException {
    run("errors");
    awaitState("PASSED", Duration.ofSeconds(60));

    assertThat(browser.findElements(By.cssSelector("#phases li.phase.pass")))
        .hasSize(BadRequests.ALL.size());
    assertThat(browser.findElement(By.id("run-state")).getText())
        .contains(BadRequests.ALL.size() + "/" + BadRequests.ALL.size() + " observations held");
    screenshot("errors.png");
  }

  @Test
  void aLongLabShowsItsProgressAndASecondStartIsA409() throws IOException {
    data.productWithStock(100, 10);

    run("throughput");
    until(Duration.ofSeconds(60), () -> progressValue() > 0);
    assertThat(stateText()).startsWith("RUNNING");
    screenshot("throughput-progress.png");

    run("throughput");
    until(Duration.ofSeconds(10), () -> browser.findElement(By.id("run-notice")).getText()
        .contains("already running (409)"));

    until(LONG_LAB, () -> !stateText().startsWith("RUNNING"));
    String runUrl = browser.findElement(By.id("run-title")).getText().replaceAll(".* run ", "");
    int phases = api.get(LabRuns.PATH + "/" + runUrl).jsonBody().path("phases").size();
    assertThat(phases).isPositive();
    assertThat(browser.findElements(By.cssSelector("#phases li.phase"))).hasSize(phases);
    assertThat(browser.findElements(By.cssSelector("#charts figure.chart"))).isNotEmpty();
    screenshot("throughput.png");
  }

  @Test
  void aLabRunsFromTheKeyboardAlone() {
    data.orders(60, 1);
    var keyboard = new Actions(browser);
    for (int tab = 0; tab < 80 && !focusedOnARunButton(); tab++) {
      keyboard.sendKeys(Keys.TAB).perform();
    }
    assertThat(focusedOnARunButton()).as("a Run button within 80 tabs").isTrue();
    String lab = browser.switchTo().activeElement().getDomAttribute("data-lab");

    keyboard.sendKeys(Keys.ENTER).perform();

    until(Duration.ofSeconds(10), () -> browser.findElement(By.id("run-title")).getText()
        .startsWith("Lab " + lab + " — run "));
    awaitState("PASSED", Duration.ofSeconds(60));
  }

  @Test
  void hasNoSeriousAccessibilityViolationsInLightOrDark() throws IOException {
    run("errors");
    awaitState("PASSED", Duration.ofSeconds(60));
    assertThat(seriousViolations()).as("light").isEmpty();

    browser.findElement(By.id("theme")).click();
    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("data-theme"))
        .isEqualTo("dark");
    assertThat(seriousViolations()).as("dark").isEmpty();
    screenshot("dark.png");
    browser.findElement(By.id("theme")).click();
  }

  private boolean focusedOnARunButton() {
    return "run-button".equals(browser.switchTo().activeElement().getDomAttribute("class"));
  }

  private void run(String lab) {
    browser.findElement(By.cssSelector("button.run-button[data-lab='" + lab + "']")).click();
    until(Duration.ofSeconds(10), () -> browser.findElement(By.id("run-title")).getText()
        .startsWith("Lab " + lab + " — run "));
  }

  private void awaitState(String state, Duration timeout) {
    until(timeout, () -> !stateText().startsWith("RUNNING"));
    assertThat(stateText()).startsWith(state);
  }

  private String stateText() {
    return browser.findElement(By.id("run-state")).getText();
  }

  private double progressValue() {
    WebElement bar = browser.findElement(By.id("progress-bar"));
    return bar.isDisplayed()
        ? Double.parseDouble(Objects.requireNonNull(
            bar.getDomProperty("value")))
        : 0;
  }

  private long inkedPixels(WebElement canvas) {
    Object pixels = browser.executeScript("""
        const c = arguments[0];
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
        return n;""", canvas);
    return ((Number) Objects.requireNonNull(pixels)).longValue();
  }

  /** axe-core's violations of impact serious or critical, as "rule: nodes". */
  private List<String> seriousViolations() throws IOException {
    String path = Objects.requireNonNull(new WebJarVersionLocator().fullPath("axe-core",
        "axe.min.js"));
    try (InputStream axe = getClass().getClassLoader().getResourceAsStream(path)) {
      browser.executeScript(new String(Objects.requireNonNull(axe).readAllBytes(),
          StandardCharsets.UTF_8));
    }
    Object found = browser.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] }).then(results => done(
          results.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))));""");
    return ((List<?>) Objects.requireNonNull(found)).stream().map(String::valueOf).toList();
  }

  private void screenshot(String name) throws IOException {
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private void until(Duration timeout, BooleanSupplier condition) {
    new WebDriverWait(browser, timeout, Duration.ofMillis(100))
        .until(driver -> condition.getAsBoolean());
  }
}
