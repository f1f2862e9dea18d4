package dev.fieldguide.orders.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * O5: the provisioned dashboards load — valid JSON with unique uids, every panel has a data
 * source Grafana is provisioned with and at least one query, each dashboard can be narrowed to a
 * role and an instance, and marks deploys and restarts. That their metrics exist is
 * MetricsScrapeIntegrationTests' job.
 */
class GrafanaDashboardsTests {

  private static final Path PROVISIONING = ObservabilityFiles.GRAFANA.resolve("provisioning");

  @Test
  void datasourcesArePrometheusAndJaegerAtTheirComposeAddresses() {
    Map<String, String> urlByUid = provisionedDatasources();

    assertThat(urlByUid).containsEntry("prometheus", "http://prometheus:9090")
        .containsEntry("jaeger", "http://jaeger:16686");
  }

  @Test
  void dashboardsAreLoadedFromTheMountedDirectory() {
    var providers = ObservabilityFiles.list(ObservabilityFiles.yaml(
        PROVISIONING.resolve("dashboards/dashboards.yml")).get("providers"));

    assertThat(providers).singleElement().satisfies(provider -> assertThat(
        ObservabilityFiles.map(ObservabilityFiles.map(provider).get("options")).get("path"))
        .isEqualTo("/var/lib/grafana/dashboards"));
  }

  @Test
  void everyDashboardIsValidJsonWithAUniqueUid() {
    List<Path> files = ObservabilityFiles.dashboardFiles();
    Set<String> uids = new HashSet<>();

    assertThat(files).as("dashboards").hasSizeGreaterThanOrEqualTo(4);
    for (Path file : files) {
      JsonNode dashboard = ObservabilityFiles.dashboard(file); // throws on invalid JSON
      assertThat(uids.add(dashboard.path("uid").asString())).as(file + " uid is unique")
          .isTrue();
      assertThat(dashboard.path("title").asString()).as(file + " title").isNotBlank();
      assertThat(ObservabilityFiles.panels(dashboard)).as(file + " panels").isNotEmpty();
    }
  }

  @Test
  void everyPanelHasAProvisionedDatasourceAndQueries() {
    Set<String> provisioned = provisionedDatasources().keySet();
    List<String> checked = new ArrayList<>();

    for (Path file : ObservabilityFiles.dashboardFiles()) {
      for (JsonNode panel : ObservabilityFiles.panels(ObservabilityFiles.dashboard(file))) {
        if (panel.path("type").asString().equals("row")) {
          continue; // a row only groups panels
        }
        String name = file.getFileName() + " '" + panel.path("title").asString() + "'";
        assertThat(panel.path("datasource").path("uid").asString()).as(name + " datasource")
            .isIn(provisioned);
        assertThat(panel.path("targets").isEmpty()).as(name + " has targets").isFalse();
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("expr").asString()).as(name + " query").isNotBlank();
          String datasource = target.path("datasource").path("uid").asString();
          assertThat(datasource.isEmpty() || provisioned.contains(datasource))
              .as(name + " target datasource " + datasource).isTrue();
        }
        checked.add(name);
      }
    }
    assertThat(checked).as("panels checked").hasSizeGreaterThanOrEqualTo(20);
  }

  @Test
  void everyDashboardFiltersByRoleAndInstanceAndMarksDeploysAndRestarts() {
    for (Path file : ObservabilityFiles.dashboardFiles()) {
      JsonNode dashboard = ObservabilityFiles.dashboard(file);
      List<String> variables = new ArrayList<>();
      dashboard.path("templating").path("list")
          .forEach(v -> variables.add(v.path("name").asString()));
      List<String> annotations = new ArrayList<>();
      dashboard.path("annotations").path("list")
          .forEach(a -> annotations.add(a.path("name").asString()));

      assertThat(variables).as(file + " variables").contains("role", "instance");
      assertThat(annotations).as(file + " annotations").contains("Deploys", "Restarts");
      for (JsonNode panel : ObservabilityFiles.panels(dashboard)) {
        for (JsonNode target : panel.path("targets")) {
          String expr = target.path("expr").asString();
          if (!PromQl.metricNames(expr).stream().allMatch(PromQl::isRecorded)) {
            assertThat(expr).as(file + " '" + panel.path("title").asString() + "' filters")
                .contains("role=~\"$role\"", "instance=~\"$instance\"");
          }
        }
      }
    }
  }

  @Test
  void slowAndFailingRoutesLinkToTheirTraces() {
    List<String> links = new ArrayList<>();
    for (Path file : ObservabilityFiles.dashboardFiles()) {
      for (JsonNode panel : ObservabilityFiles.panels(ObservabilityFiles.dashboard(file))) {
        panel.path("fieldConfig").path("defaults").path("links")
            .forEach(link -> links.add(link.path("url").asString()));
      }
    }

    assertThat(links).filteredOn(url -> url.startsWith("${jaeger_url}/search?service="))
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(links).filteredOn(url -> url.startsWith("/explore?") && url.contains("jaeger"))
        .hasSizeGreaterThanOrEqualTo(3);
  }

  private static Map<String, String> provisionedDatasources() {
    var datasources = ObservabilityFiles.list(ObservabilityFiles.yaml(
        PROVISIONING.resolve("datasources/datasources.yml")).get("datasources"));
    Map<String, String> urlByUid = new HashMap<>();
    for (Object datasource : datasources) {
      Map<?, ?> entry = ObservabilityFiles.map(datasource);
      urlByUid.put(ObservabilityFiles.string(entry.get("uid")),
          ObservabilityFiles.string(entry.get("url")));
    }
    return urlByUid;
  }
}
