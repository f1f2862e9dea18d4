package dev.fieldguide.orders.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * O4: prometheus.yml scrapes both roles where compose runs them and loads the alert rules from
 * the same directory (as promtool and the container both resolve them). Both it and the
 * Kubernetes example give every target the {@code service} and {@code component} labels the
 * alerts on {@code up} match, whatever the job is called. The {@code task} label the job rules
 * group by needs no rule here: the app emits it under that name (TaskJob).
 */
class PrometheusConfigTests {

  private static final Path CONFIG = ObservabilityFiles.PROMETHEUS.resolve("prometheus.yml");
  private static final Path KUBERNETES = ObservabilityFiles.PROMETHEUS
      .resolve("prometheus-kubernetes.yml");

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

  @Test
  void composeTargetsCarryTheServiceAndComponentTheAlertsMatch() {
    Map<?, ?> job = fieldGuideJob();
    Map<?, ?> targets = ObservabilityFiles.map(
        ObservabilityFiles.list(job.get("static_configs")).getFirst());

    assertThat(Map.<Object, Object>copyOf(ObservabilityFiles.map(targets.get("labels"))))
        .containsEntry("service",
            "field-guide");
    assertThat(relabelings(job)).anySatisfy(rule -> assertThat(rule)
        .containsEntry("source_labels", List.of("__address__"))
        .containsEntry("target_label", "component")
        .satisfies(
            r -> assertThat("worker:8080").matches(ObservabilityFiles.string(r.get("regex"))))
        .satisfies(r -> assertThat("api:8080").matches(ObservabilityFiles.string(r.get("regex")))));
  }

  @Test
  void kubernetesPodsAreKeptOnTheirManagementPortWithTheSameLabels() {
    Map<?, ?> config = ObservabilityFiles.yaml(KUBERNETES);
    Map<?, ?> job = ObservabilityFiles.map(
        ObservabilityFiles.list(config.get("scrape_configs")).getFirst());
    List<Map<Object, Object>> rules = relabelings(job);

    assertThat(ObservabilityFiles.list(config.get("rule_files"))).containsExactly("alerts.yml");
    assertThat(rules).anySatisfy(rule -> assertThat(rule).containsEntry("action", "keep")
        .containsEntry("regex", "field-guide;true"));
    assertThat(rules).anySatisfy(rule -> assertThat(rule).containsEntry("action", "keep")
        .containsEntry("source_labels", List.of("__meta_kubernetes_pod_container_port_name"))
        .containsEntry("regex", "management"));
    assertThat(rules).anySatisfy(rule -> assertThat(rule).containsEntry("target_label", "service")
        .containsEntry("source_labels",
            List.of("__meta_kubernetes_pod_label_app_kubernetes_io_name")));
    assertThat(rules).anySatisfy(rule -> assertThat(rule)
        .containsEntry("target_label", "component").containsEntry("source_labels",
            List.of("__meta_kubernetes_pod_label_app_kubernetes_io_component")));
  }

  private static List<Map<Object, Object>> relabelings(Map<?, ?> job) {
    return ObservabilityFiles.list(job.get("relabel_configs")).stream()
        .map(rule -> Map.<Object, Object>copyOf(ObservabilityFiles.map(rule))).toList();
  }

  private static Map<?, ?> fieldGuideJob() {
    return ObservabilityFiles.list(ObservabilityFiles.yaml(CONFIG).get("scrape_configs"))
        .stream().map(ObservabilityFiles::map)
        .filter(job -> "field-guide".equals(job.get("job_name"))).findFirst().orElseThrow();
  }
}
