package dev.fieldguide.orders.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.observability.ObservabilityFiles.Alert;
import dev.fieldguide.orders.observability.ObservabilityFiles.Expression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * O4: every alert in prometheus/alerts.yml can be acted on — a severity, a summary and a
 * description, a runbook that exists — and has promtool cases where it fires and where it stays
 * quiet; every recording rule the alerts and dashboards read is defined. promtool itself checks
 * the syntax and runs the cases (.ci/run).
 */
class AlertRulesTests {

  private static final Path RUNBOOKS = ObservabilityFiles.ROOT.resolve("docs/runbooks");

  @Test
  void everyAlertHasASeverityASummaryADescriptionAndARunbookThatExists() {
    List<Alert> alerts = ObservabilityFiles.alerts();

    assertThat(alerts).as("alerts in alerts.yml").hasSizeGreaterThanOrEqualTo(10);
    for (Alert alert : alerts) {
      assertThat(alert.labels().get("severity")).as(alert.name() + " severity")
          .isIn("critical", "warning");
      assertThat(alert.annotations().get("summary")).as(alert.name() + " summary")
          .isInstanceOf(String.class);
      assertThat(alert.annotations().get("description")).as(alert.name() + " description")
          .isInstanceOf(String.class);
      String runbook = ObservabilityFiles.string(alert.annotations().get("runbook_url"));
      assertThat(runbook).as(alert.name() + " runbook_url").startsWith("docs/runbooks/")
          .endsWith(".md");
      assertThat(ObservabilityFiles.ROOT.resolve(runbook)).as(alert.name() + " runbook")
          .isRegularFile();
    }
  }

  @Test
  void everyRunbookBelongsToAnAlertOrSaysItIsAProcedure() throws IOException {
    Set<String> linked = ObservabilityFiles.alerts().stream()
        .map(a -> ObservabilityFiles.string(a.annotations().get("runbook_url")))
        .collect(Collectors.toSet());

    try (Stream<Path> files = Files.list(RUNBOOKS)) {
      // A procedure (point-in-time recovery) is started by a person, not by an alert; it says so
      // in its opening, so a runbook orphaned by a deleted alert is still caught.
      assertThat(files.map(f -> "docs/runbooks/" + f.getFileName())
          .filter(runbook -> !linked.contains(runbook)))
          .as("runbooks no alert links to").allSatisfy(runbook -> assertThat(
              Files.readString(ObservabilityFiles.ROOT.resolve(runbook)).lines().limit(5)
                  .anyMatch(line -> line.startsWith("Not tied to an alert: a procedure")))
              .as(runbook + " says it is a procedure").isTrue());
    }
  }

  @Test
  void everyAlertHasPromtoolCasesThatFireAndThatStayQuiet() {
    List<Map.Entry<String, Boolean>> cases = ObservabilityFiles.alertTestCases();

    for (Alert alert : ObservabilityFiles.alerts()) {
      assertThat(cases).as(alert.name() + " has a case where it fires")
          .contains(Map.entry(alert.name(), true));
      assertThat(cases).as(alert.name() + " has a case where it stays quiet")
          .contains(Map.entry(alert.name(), false));
    }
  }

  @Test
  void everyRecordedSeriesReadIsDefinedByARecordingRule() {
    Set<String> defined = ObservabilityFiles.recordings().stream()
        .map(ObservabilityFiles.Recording::name).collect(Collectors.toSet());
    Set<String> read = new TreeSet<>();
    Stream.concat(ObservabilityFiles.alertExpressions().stream(),
        ObservabilityFiles.dashboardExpressions().stream())
        .map(Expression::promQl).map(PromQl::metricNames).forEach(read::addAll);

    assertThat(read.stream().filter(PromQl::isRecorded)).as("recorded series read")
        .isNotEmpty().allSatisfy(name -> assertThat(defined).contains(name));
  }
}
