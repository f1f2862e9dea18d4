package dev.fieldguide.orders.deploy;

import static dev.fieldguide.orders.deploy.RenderedManifests.containers;
import static dev.fieldguide.orders.deploy.RenderedManifests.name;
import static dev.fieldguide.orders.deploy.RenderedManifests.podSpec;
import static dev.fieldguide.orders.deploy.RepositoryFiles.list;
import static dev.fieldguide.orders.deploy.RepositoryFiles.map;
import static dev.fieldguide.orders.deploy.RepositoryFiles.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import dev.fieldguide.orders.migrations.MigrationCommand;
import org.junit.jupiter.api.Test;

/**
 * The k8s/ manifests as a cluster would receive them: the local overlay rendered by kubectl,
 * then checked object by object — pinned images, resources, non-root pods, probes, the env the
 * app reads, and that every name one object uses (ConfigMap, Secret, selector, HPA target)
 * exists. The probe paths themselves are called on a running app by
 * {@link HealthProbesIntegrationTests}.
 */
class KubernetesManifestsTests {

  private static final String MANAGEMENT = "management";
  private static final String TRUSTED_PROXIES = "SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES";
  private static final Set<String> APP_DEPLOYMENTS = Set.of("field-guide-api",
      "field-guide-worker");

  private final RenderedManifests manifests = RenderedManifests.of(RenderedManifests.LOCAL_OVERLAY);

  @Test
  void rendersBothRolesWithServicesAutoscalerBudgetsAndPolicies() {
    assertThat(manifests.ofKind("Deployment").map(RenderedManifests::name))
        .containsAll(APP_DEPLOYMENTS);
    assertThat(manifests.ofKind("Service").map(RenderedManifests::name))
        .containsAll(APP_DEPLOYMENTS);
    assertThat(manifests.ofKind("PodDisruptionBudget").map(RenderedManifests::name))
        .containsExactlyInAnyOrderElementsOf(APP_DEPLOYMENTS);
    assertThat(manifests.ofKind("NetworkPolicy").map(RenderedManifests::name))
        .containsExactlyInAnyOrderElementsOf(APP_DEPLOYMENTS);
    Map<String, Object> target = map(map(manifests.named("HorizontalPodAutoscaler",
        "field-guide-api"), "spec", "hpa"), "scaleTargetRef", "hpa");
    assertThat(target).containsEntry("kind", "Deployment").containsEntry("name",
        "field-guide-api");
  }

  @Test
  void everyContainerHasAPinnedImageAndResources() {
    manifests.ofKind("Deployment").forEach(deployment -> containers(deployment).forEach(c -> {
      String what = name(deployment) + "/" + c.get("name");
      assertThat(ImageTags.isPinned(string(c, "image", what))).as(what + " image pinned")
          .isTrue();
      Map<String, Object> resources = map(c, "resources", what);
      assertThat(map(resources, "requests", what)).as(what + " requests")
          .containsKeys("cpu", "memory");
      assertThat(map(resources, "limits", what)).as(what + " limits").containsKey("memory");
    }));
  }

  @Test
  void everyPodRunsAsNonRootAndTheAppWithAReadOnlyRoot() {
    manifests.ofKind("Deployment").forEach(deployment -> assertThat(
        map(podSpec(deployment), "securityContext", name(deployment)))
        .as(name(deployment)).containsEntry("runAsNonRoot", true));
    appDeployments().forEach(deployment -> containers(deployment).forEach(c -> {
      assertThat(map(c, "securityContext", name(deployment)))
          .containsEntry("readOnlyRootFilesystem", true)
          .containsEntry("allowPrivilegeEscalation", false);
      // A read-only root still needs a writable /tmp (Tomcat, the JVM).
      assertThat(list(c, "volumeMounts", name(deployment)))
          .anySatisfy(m -> assertThat(map(m, "mount")).containsEntry("mountPath", "/tmp"));
    }));
  }

  @Test
  void appContainersHaveStartupLivenessAndReadinessProbesOnTheManagementPort() {
    appDeployments().forEach(deployment -> containers(deployment).forEach(c -> {
      String what = name(deployment);
      assertThat(probePath(c, "startupProbe", what)).isEqualTo("/actuator/health/liveness");
      assertThat(probePath(c, "livenessProbe", what)).isEqualTo("/actuator/health/liveness");
      assertThat(probePath(c, "readinessProbe", what)).isEqualTo("/actuator/health/readiness");
      List.of("startupProbe", "livenessProbe", "readinessProbe").forEach(probe -> assertThat(
          map(map(c, probe, what), "httpGet", probe)).as(what + " " + probe)
          .containsEntry("port", MANAGEMENT));
      assertThat(list(c, "ports", what)).anySatisfy(p -> assertThat(map(p, "port"))
          .containsEntry("containerPort", AppConfiguration.serverPort())
          .containsEntry("name", "http"));
      assertThat(list(c, "ports", what)).anySatisfy(p -> assertThat(map(p, "port"))
          .containsEntry("containerPort", managementPort()).containsEntry("name", MANAGEMENT));
    }));
  }

  @Test
  void prometheusScrapesTheManagementPortWhichNoServiceRoutes() {
    assertThat(managementPort()).isNotEqualTo(AppConfiguration.serverPort());
    appDeployments().forEach(deployment -> {
      String what = name(deployment);
      Map<String, Object> annotations = map(map(map(map(deployment, "spec", what), "template",
          what), "metadata", what), "annotations", what);
      assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/port", String.valueOf(managementPort()))
          .containsEntry("prometheus.io/path", "/actuator/prometheus");
    });
    // The api's Service is what an ingress routes to: http and grpc, never the actuator.
    List<Map<String, Object>> apiPorts = list(map(manifests.named("Service", "field-guide-api"),
        "spec", "svc"), "ports", "svc").stream().map(p -> map(p, "port")).toList();
    assertThat(apiPorts).extracting(p -> p.get("targetPort")).containsExactlyInAnyOrder("http",
        "grpc");
    assertThat(apiPorts).extracting(p -> p.get("port")).doesNotContain(managementPort());
    // The api's network policy admits the management port from Prometheus' pods alone.
    List<Map<String, Object>> managementRules = list(map(manifests.named("NetworkPolicy",
        "field-guide-api"), "spec", "policy"), "ingress", "policy").stream()
        .map(rule -> map(rule, "ingress rule"))
        .filter(rule -> list(rule, "ports", "rule").stream()
            .anyMatch(p -> Integer.valueOf(managementPort()).equals(map(p, "port").get("port"))))
        .toList();
    assertThat(managementRules).singleElement().satisfies(rule -> assertThat(
        list(rule, "from", "management rule")).singleElement().satisfies(
            peer -> assertThat(
                map(map(map(peer, "peer"), "podSelector", "peer"), "matchLabels", "peer"))
                .containsEntry("app.kubernetes.io/name", "prometheus")));
  }

  @Test
  void everyOverlayTrustsItsIngressAndNothingWider() {
    assertThat(RepositoryFiles.read("k8s/base/kustomization.yaml"))
        .as("the base names what each overlay must set").contains(TRUSTED_PROXIES + " in");
    for (String overlay : RenderedManifests.overlays()) {
      String proxies = string(config(RenderedManifests.of(overlay)), TRUSTED_PROXIES, overlay);
      Pattern trusted = Pattern.compile(proxies);
      assertThat(List.of("203.0.113.9", "8.8.8.8", "127.0.0.2", "10.0.0.1", "::1"))
          .as(overlay + ": " + proxies + " trusts no address outside its ingress' range")
          .noneMatch(address -> trusted.matcher(address).matches());
    }
    // The local overlay's example: kind's default pod network, 10.244.0.0/16.
    Pattern local = Pattern.compile(string(config(manifests), TRUSTED_PROXIES, "local"));
    assertThat(List.of("10.244.0.5", "10.244.2.17", "10.244.255.254"))
        .allMatch(address -> local.matcher(address).matches());
    assertThat(List.of("10.245.0.5", "110.244.0.5", "10.244.0.5.1"))
        .noneMatch(address -> local.matcher(address).matches());
  }

  @Test
  void aJobMigratesWithTheAppsImageAndTheRolesOnlyValidateAtStartUp() {
    Map<String, Object> job = manifests.named("Job", "field-guide-migrate");
    Map<String, Object> spec = map(job, "spec", "job");
    assertThat(spec).containsEntry("backoffLimit", 0);
    Map<String, Object> pod = map(map(spec, "template", "job"), "spec", "job");
    assertThat(pod).containsEntry("restartPolicy", "Never");
    assertThat(map(pod, "securityContext", "job")).containsEntry("runAsNonRoot", true);
    Map<String, Object> migrate = map(list(pod, "containers", "job").getFirst(), "job container");
    String appImage = string(containers(manifests.named("Deployment", "field-guide-api"))
        .getFirst(), "image", "api");
    assertThat(migrate).containsEntry("image", appImage);
    assertThat(list(migrate, "command", "job")).containsSubsequence(
        "-Dloader.main=" + MigrationCommand.class.getName(),
        "org.springframework.boot.loader.launch.PropertiesLauncher", "migrate");
    assertThat(list(migrate, "envFrom", "job")).isEqualTo(list(containers(
        manifests.named("Deployment", "field-guide-api")).getFirst(), "envFrom", "api"));
    assertThat(config(manifests)).containsEntry("FIELDGUIDE_MIGRATIONS_ON_STARTUP", "validate");
  }

  @Test
  void theGrpcPortIsTheApisAndOpenOnlyToPodsOfItsNamespace() {
    int grpc = AppConfiguration.grpcPort();
    assertThat(list(containers(manifests.named("Deployment", "field-guide-api")).getFirst(),
        "ports", "api")).anySatisfy(
            p -> assertThat(map(p, "port"))
                .containsEntry("containerPort", grpc).containsEntry("name", "grpc"));
    assertThat(list(containers(manifests.named("Deployment", "field-guide-worker")).getFirst(),
        "ports", "worker")).noneSatisfy(
            p -> assertThat(map(p, "port"))
                .containsEntry("containerPort", grpc));

    Map<String, Object> service = map(manifests.named("Service", "field-guide-api"), "spec", "svc");
    assertThat(service.getOrDefault("type", "ClusterIP")).isEqualTo("ClusterIP");

    List<Map<String, Object>> grpcRules = list(map(manifests.named("NetworkPolicy",
        "field-guide-api"), "spec", "policy"), "ingress", "policy").stream()
        .map(rule -> map(rule, "ingress rule"))
        .filter(rule -> list(rule, "ports", "rule").stream()
            .anyMatch(p -> Integer.valueOf(grpc).equals(map(p, "port").get("port"))))
        .toList();
    assertThat(grpcRules).as("ingress rules admitting the gRPC port").singleElement()
        .satisfies(rule -> assertThat(list(rule, "from", "grpc rule")).isNotEmpty()
            .allSatisfy(peer -> assertThat(map(peer, "peer").keySet())
                .as("only pods of the policy's own namespace").containsExactly("podSelector")));
  }

  @Test
  void everyVariableTheAppGetsIsReadByTheAppAndEachRoleIsSelected() {
    AppConfiguration app = AppConfiguration.load();
    Set<String> variables = new TreeSet<>();
    appDeployments().forEach(deployment -> containers(deployment).forEach(c -> {
      String what = name(deployment);
      List<Object> env = list(c, "env", what);
      env.forEach(e -> variables.add(string(map(e, what), "name", what)));
      String role = what.substring("field-guide-".length());
      assertThat(env).anySatisfy(e -> assertThat(map(e, what))
          .containsEntry("name", "SPRING_PROFILES_ACTIVE").containsEntry("value", role));
      list(c, "envFrom", what).forEach(source -> variables.addAll(keysOf(map(source, what))));
    }));
    assertThat(variables).contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_PASSWORD");
    assertThat(app.unread(variables)).as("variables nothing reads").isEmpty();
  }

  @Test
  void autoscalerBudgetsAndPoliciesSelectTheAppPods() {
    for (String name : APP_DEPLOYMENTS) {
      Map<String, Object> podLabels = map(map(map(map(manifests.named("Deployment", name), "spec",
          name), "template", name), "metadata", name), "labels", name);
      for (String kind : List.of("PodDisruptionBudget", "Service")) {
        Map<String, Object> spec = map(manifests.named(kind, name), "spec", kind);
        Map<String, Object> selector = kind.equals("Service")
            ? map(spec, "selector", kind)
            : map(map(spec, "selector", kind), "matchLabels", kind);
        assertThat(podLabels).as(kind + " " + name + " selects the pods")
            .containsAllEntriesOf(selector);
      }
      Map<String, Object> policy = map(manifests.named("NetworkPolicy", name), "spec", name);
      assertThat(podLabels).containsAllEntriesOf(
          map(map(policy, "podSelector", name), "matchLabels", name));
      assertThat(list(policy, "policyTypes", name)).containsExactly("Ingress", "Egress");
    }
  }

  @Test
  void secretTemplateHoldsOnlyPlaceholdersForTheKeysTheLocalOverlayGenerates() {
    Map<String, Object> template = RepositoryFiles.yaml("k8s/base/secret.template.yaml");
    Map<String, Object> placeholders = map(template, "stringData", "template");
    assertThat(placeholders.values()).isNotEmpty().allMatch("REPLACE_ME"::equals);
    assertThat(template).doesNotContainKey("data");
    assertThat(String.valueOf(map(template, "metadata", "template").get("name")))
        .isEqualTo("field-guide-secrets");
    // Base never ships the template as a resource: a placeholder must not become a real value.
    assertThat(RepositoryFiles.read("k8s/base/kustomization.yaml"))
        .doesNotContain("- secret.template.yaml");

    Map<String, Object> local = manifests.ofKind("Secret").findFirst().orElseThrow();
    assertThat(RenderedManifests.name(local)).startsWith("field-guide-secrets");
    assertThat(map(local, "data", "secret").keySet()).isEqualTo(placeholders.keySet());
  }

  private List<Map<String, Object>> appDeployments() {
    return APP_DEPLOYMENTS.stream().map(name -> manifests.named("Deployment", name)).toList();
  }

  /** The shared settings' ConfigMap as {@code rendered} has it. */
  private static Map<String, Object> config(RenderedManifests rendered) {
    Map<String, Object> config = rendered.ofKind("ConfigMap")
        .filter(c -> RenderedManifests.name(c).startsWith("field-guide-config")).findFirst()
        .orElseThrow(() -> new AssertionError("no field-guide-config ConfigMap"));
    return map(config, "data", "field-guide-config");
  }

  private int managementPort() {
    return Integer.parseInt(string(config(manifests), "MANAGEMENT_SERVER_PORT", "config"));
  }

  private static String probePath(Map<String, Object> container, String probe, String what) {
    return string(map(map(container, probe, what), "httpGet", probe), "path", probe);
  }

  /** The keys of the ConfigMap or Secret an envFrom entry names; it must exist in the render. */
  private Set<String> keysOf(Map<String, Object> source) {
    String kind = source.containsKey("configMapRef") ? "ConfigMap" : "Secret";
    String ref = kind.equals("ConfigMap") ? "configMapRef" : "secretRef";
    String name = string(map(source, ref, "envFrom"), "name", ref);
    return map(manifests.named(kind, name), "data", name).keySet();
  }
}
