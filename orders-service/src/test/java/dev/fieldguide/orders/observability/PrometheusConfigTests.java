package dev.fieldguide.orders.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * O4: prometheus.yml scrapes both roles where compose runs them, loads the alert rules from the
 * same directory (as promtool and the container both resolve them), and renames the job meters'
 * {@code job} tag to the {@code task} label the rules group by.
 */
class PrometheusConfigTests {

  private static final Path CONFIG = ObservabilityFiles.PROMETHEUS.resolve("prometheus.yml");

  @Test
  void scrapesTheApiAndWorkerRolesAsOneJob() {
    Map<?, ?> job = fieldGuideJob();

    assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
    List<Object> targets = ObservabilityFiles.list(ObservabilityFiles.map(
        ObservabilityFiles.list(job.get("static_configs")).getFirst()).get("targets"));
    assertThat(targets).containsExactlyInAnyOrder("api:8080", "worker:8080");
  }

  @Test
  void loadsTheAlertRulesFromItsOwnDirectory() {
    List<Object> ruleFiles = ObservabilityFiles
        .list(ObservabilityFiles.yaml(CONFIG).get("rule_files"));

    assertThat(ruleFiles).map(f -> CONFIG.resolveSibling(ObservabilityFiles.string(f)))
        .contains(ObservabilityFiles.ALERTS).allSatisfy(f -> assertThat(f).isRegularFile());
  }

  private static Map<?, ?> fieldGuideJob() {
    return ObservabilityFiles.list(ObservabilityFiles.yaml(CONFIG).get("scrape_configs"))
        .stream().map(ObservabilityFiles::map)
        .filter(job -> "field-guide".equals(job.get("job_name"))).findFirst().orElseThrow();
  }
}
