package dev.fieldguide.orders.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The seeded random replays: a test draws the same numbers each time it runs under the same run
 * seed, other tests draw others, and a failure names the seed. Runs {@link SeededRandomExamples}
 * on a launcher of its own, without the session listener that would open a test database.
 */
class SeededRandomTests {

  @BeforeEach
  void forgetEarlierDraws() {
    SeededRandomExamples.DRAWS.clear();
  }

  @Test
  void aTestDrawsTheSameNumbersEachRunAndAnotherTestOtherNumbers() {
    launch(SeededRandomExamples.Draws.class);
    Map<String, List<Long>> firstRun = Map.copyOf(SeededRandomExamples.DRAWS);
    launch(SeededRandomExamples.Draws.class);

    assertThat(SeededRandomExamples.DRAWS).isEqualTo(firstRun).containsOnlyKeys("first", "second");
    assertThat(firstRun.get("first")).doesNotContainAnyElementsOf(firstRun.get("second"));
    assertThat(firstRun.get("first")).as("the set-up and the test share one generator")
        .doesNotHaveDuplicates();
  }

  @Test
  void aFailingTestThatDrewNamesTheSeedThatReplaysIt() {
    TestExecutionSummary summary = launch(SeededRandomExamples.FailsAfterDrawing.class);

    assertThat(summary.getFailures()).singleElement().satisfies(failure -> {
      assertThat(failure.getException()).hasMessageStartingWith("the test's own failure");
      assertThat(failure.getException().getSuppressed()).singleElement()
          .isInstanceOf(SeededRandom.Replay.class).extracting(Throwable::getMessage).asString()
          .endsWith("-D" + SeededRandom.SEED_PROPERTY + "=" + SeededRandom.runSeed());
    });
  }

  private static TestExecutionSummary launch(Class<?> examples) {
    var launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableLauncherSessionListenerAutoRegistration(false).build());
    var listener = new SummaryGeneratingListener();
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(examples))
        .build(), listener);
    return listener.getSummary();
  }
}
