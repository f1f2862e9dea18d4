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
import org.junit.jupiter.api.Test;

/**
 * The k8s/ manifests as a cluster would receive them: the local overlay rendered by kubectl,
 * then checked object by object — pinned images, resources, non-root pods, probes, the env the
 * app reads, and that every name one object uses (ConfigMap, Secret, selector, HPA target)
 * exists. The probe paths themselves are called on a running app by
 * {@link HealthProbesIntegrationTests}.
 */
class KubernetesManifestsTests {

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
  void appContainersHaveStartupLivenessAndReadinessProbesOnTheActuator() {
    appDeployments().forEach(deployment -> containers(deployment).forEach(c -> {
      String what = name(deployment);
      assertThat(probePath(c, "startupProbe", what)).isEqualTo("/actuator/health/liveness");
      assertThat(probePath(c, "livenessProbe", what)).isEqualTo("/actuator/health/liveness");
      assertThat(probePath(c, "readinessProbe", what)).isEqualTo("/actuator/health/readiness");
      assertThat(list(c, "ports", what)).anySatisfy(p -> assertThat(map(p, "port"))
          .containsEntry("containerPort", AppConfiguration.serverPort())
          .containsEntry("name", "http"));
    }));
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
