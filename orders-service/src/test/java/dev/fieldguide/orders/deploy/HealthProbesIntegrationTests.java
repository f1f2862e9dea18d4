package dev.fieldguide.orders.deploy;

import static dev.fieldguide.orders.deploy.RenderedManifests.containers;
import static dev.fieldguide.orders.deploy.RepositoryFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The probes the deployment files point at, tried on the running service: every HTTP probe path
 * in the rendered Kubernetes manifests answers 200, and the image's own liveness script (bash,
 * as the JRE image has no curl) passes against the service and fails when nothing listens or
 * liveness is down.
 */
@IntegrationTest
class HealthProbesIntegrationTests {

  @Autowired
  Api api;

  @TempDir
  Path scripts;

  @Test
  void everyKubernetesProbePathAnswers200() {
    Set<String> paths = new TreeSet<>();
    RenderedManifests.of(RenderedManifests.LOCAL_OVERLAY).ofKind("Deployment")
        .flatMap(deployment -> containers(deployment).stream())
        .forEach(container -> List.of("startupProbe", "livenessProbe", "readinessProbe")
            .forEach(probe -> {
              Object definition = container.get(probe);
              if (definition != null && map(definition, probe).get("httpGet") != null) {
                paths
                    .add(String.valueOf(map(map(definition, probe), "httpGet", probe).get("path")));
              }
            }));

    assertThat(paths).contains("/actuator/health/liveness", "/actuator/health/readiness");
    paths.forEach(path -> assertThat(api.get(path).status()).as(path).isEqualTo(200));
  }

  @Test
  void probesAreAnsweredAheadOfTheApiFiltersAndOneWithAQueryByTheActuator() {
    for (String probe : List.of("liveness", "readiness")) {
      var answer = api.anonymous().get("/actuator/health/" + probe);

      assertThat(answer.status()).as(probe).isEqualTo(200);
      assertThat(answer.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
      assertThat(answer.header("Cache-Control")).as(probe).isEqualTo("no-store");
      // No request id: the first of the API's filters never ran.
      assertThat(answer.header("X-Request-ID")).as(probe).isEmpty();
    }
    var head = api.anonymous().send("HEAD", "/actuator/health/liveness",
        HttpRequest.BodyPublishers.noBody(), Map.of());
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();

    var detailed = api.get("/actuator/health/readiness?show-details=always");
    assertThat(detailed.status()).isEqualTo(200);
    assertThat(detailed.header("X-Request-ID")).as("through the whole chain").isNotEmpty();
  }

  @Test
  void imageLivenessScriptPassesAgainstTheRunningService() throws IOException {
    assertThat(runLivenessScript(api.base().getPort()).exitCode()).isZero();
  }

  @Test
  void imageLivenessScriptFailsWhenNothingListens() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    assertThat(runLivenessScript(closedPort).exitCode()).isNotZero();
  }

  @Test
  void imageLivenessScriptFailsWhenLivenessIsDown() throws IOException {
    // What Spring answers when the liveness state is BROKEN: 503 with status DOWN.
    HttpServer down = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        0);
    down.createContext("/actuator/health/liveness", exchange -> {
      byte[] body = "{\"status\":\"DOWN\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(503, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    down.start();
    try {
      assertThat(runLivenessScript(down.getAddress().getPort()).exitCode()).isNotZero();
    } finally {
      down.stop(0);
    }
  }

  private Commands.Result runLivenessScript(int port) throws IOException {
    Path script = scripts.resolve("liveness");
    Files.writeString(script, DockerfileTests.livenessScript(Dockerfile.ofRepository()));
    return Commands.run(List.of("bash", script.toString()),
        Map.of("SERVER_PORT", String.valueOf(port)), Duration.ofSeconds(20));
  }
}
