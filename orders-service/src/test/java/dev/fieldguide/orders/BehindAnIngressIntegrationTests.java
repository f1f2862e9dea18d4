package dev.fieldguide.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.ContainerServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 20, item 5: the prod profile as Kubernetes runs it behind an ingress that ends TLS. The
 * ingress is 127.0.0.7 here (the overlay's {@code SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES} names
 * the ingress controller's pods); its X-Forwarded-Proto and X-Forwarded-For are believed, the same
 * headers from any other address are not. The actuator listens on a management port of its own;
 * the public port has none of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "prod"})
@Import({ContainerServices.class, Api.class})
@DirtiesContext // release its pool at once; no other class can reuse this context
class BehindAnIngressIntegrationTests {

  private static final String INGRESS = "127.0.0.7";
  private static final String ANOTHER_POD = "127.0.0.8";
  private static final String API_BUCKETS = "fieldguide:ratelimit:api:ip:";

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) throws IOException {
    ProdProfileIntegrationTests.environment(registry);
    // What k8s/ sets: the ingress' addresses as trusted proxies, the actuator on its own port.
    registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.7");
    registry.add("management.server.port", () -> "0");
    // A bucket that refills slowly outlives the request, so the test can see whose it was (the
    // test profile's api policy refills at once and its emptied bucket expires within a second).
    registry.add("fieldguide.rate-limit.policies.api.refill-per-second", () -> "0.001");
  }

  @Autowired
  Api api;

  @Autowired
  RedissonClient redisson;

  @Value("${local.management.port}")
  int managementPort;

  @Test
  void theIngresssForwardedHttpsAndClientAddressAreBelieved() {
    String client = "203.0.113.20";

    HttpResponse<String> response = get(INGRESS, client);

    assertThat(response.statusCode()).as("HTTPS as the ingress saw it: no redirect")
        .isEqualTo(200);
    assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
    assertThat(redisson.getKeys().countExists(API_BUCKETS + client))
        .as("the client's own bucket, not the ingress'").isOne();
    assertThat(redisson.getKeys().countExists(API_BUCKETS + INGRESS)).isZero();
  }

  @Test
  void theSameHeadersFromAnotherAddressAreIgnored() {
    String forged = "198.51.100.20";

    HttpResponse<String> response = get(ANOTHER_POD, forged);

    assertThat(response.statusCode()).as("still plain HTTP: redirected").isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).startsWith("https://"));
    assertThat(redisson.getKeys().countExists(API_BUCKETS + forged)).isZero();
  }

  @Test
  void thePublicPortHasNoActuator() {
    var metrics = api.anonymous().get("/actuator/prometheus");
    var liveness = api.anonymous().get("/actuator/health/liveness");

    assertThat(metrics.status()).isEqualTo(404);
    assertThat(metrics.header("Content-Type")).startsWith("application/problem+json");
    assertThat(liveness.status()).isEqualTo(404);
  }

  @Test
  void theManagementPortServesMetricsAndProbes() {
    Api management = api.at(URI.create("http://127.0.0.1:" + managementPort)).anonymous();

    var metrics = management.get("/actuator/prometheus");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_threads_live_threads");
    assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
    assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
  }

  /** A product page, asked from {@code source} with what an ingress adds for {@code client}. */
  private HttpResponse<String> get(String source, String client) {
    try {
      HttpClient http = HttpClient.newBuilder().localAddress(InetAddress.getByName(source))
          .build();
      return http.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/products?limit=1"))
          .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", client).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
