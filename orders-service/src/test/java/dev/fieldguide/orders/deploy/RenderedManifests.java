package dev.fieldguide.orders.deploy;

import static dev.fieldguide.orders.deploy.RepositoryFiles.list;
import static dev.fieldguide.orders.deploy.RepositoryFiles.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A kustomize overlay rendered by {@code kubectl kustomize}, the same renderer {@code kubectl
 * apply -k} uses, parsed into its objects. Rendered once per overlay and test run.
 */
record RenderedManifests(List<Map<String, Object>> objects) {

  static final String LOCAL_OVERLAY = "k8s/overlays/local";

  private static final Map<String, RenderedManifests> RENDERED = new ConcurrentHashMap<>();

  /** Every overlay under k8s/overlays, as a path from the repository root. */
  static List<String> overlays() {
    try (Stream<Path> overlays = Files.list(RepositoryFiles.path("k8s/overlays"))) {
      return overlays.filter(Files::isDirectory)
          .map(overlay -> "k8s/overlays/" + overlay.getFileName()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RenderedManifests of(String overlay) {
    return RENDERED.computeIfAbsent(overlay, RenderedManifests::render);
  }

  private static RenderedManifests render(String overlay) {
    if (!Commands.available(List.of("kubectl", "version", "--client"))) {
      throw new AssertionError("kubectl is not on the PATH, so the k8s/ manifests cannot be "
          + "rendered and checked. Install kubectl 1.27+ (kustomize v5); Debian's "
          + "kubernetes-client 1.20 is too old for this kustomization.");
    }
    Commands.Result result = Commands.run(List.of("kubectl", "kustomize", overlay), Map.of(),
        Duration.ofSeconds(60));
    if (result.exitCode() != 0) {
      throw new AssertionError("kubectl kustomize " + overlay + " failed:\n" + result.output());
    }
    return new RenderedManifests(RepositoryFiles.yamlDocuments(result.output(), overlay));
  }

  Stream<Map<String, Object>> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.get("kind")));
  }

  Map<String, Object> named(String kind, String name) {
    return ofKind(kind).filter(o -> name.equals(name(o))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  static String name(Map<String, Object> object) {
    return String.valueOf(map(object, "metadata", "object").get("name"));
  }

  /** The pod template of a Deployment. */
  static Map<String, Object> podSpec(Map<String, Object> deployment) {
    String what = name(deployment);
    return map(map(map(deployment, "spec", what), "template", what), "spec", what);
  }

  static List<Map<String, Object>> containers(Map<String, Object> deployment) {
    return list(podSpec(deployment), "containers", name(deployment)).stream()
        .map(c -> map(c, name(deployment) + " container")).toList();
  }
}
