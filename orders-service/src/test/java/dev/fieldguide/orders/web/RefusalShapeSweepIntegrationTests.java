package dev.fieldguide.orders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.security.DevTokenIssuer;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.MappedEndpoint;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint the application maps, provoked into the refusals that no handler writes a body
 * for — a method it does not map, an {@code Accept} it cannot meet or cannot even parse, a body
 * of a type it does not read — answers with an RFC 9457 problem that carries the security
 * headers: never an empty body, an HTML page or a 500. The endpoints come from the application's
 * own request mappings (plus {@code /graphql}), so a new one is swept without editing this test.
 *
 * <p>Reads and unmapped methods are sent as an admin, so they reach every handler; writes as a
 * customer, so admin functions stop at the 403 before doing anything and the rest refuse the
 * empty body: the sweep changes no data other tests rely on.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalShapeSweepIntegrationTests {

  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final String UNMAPPED = "unmapped method";

  @Autowired
  Api api;

  @Autowired
  DevTokenIssuer tokens;

  @Autowired
  List<RequestMappingInfoHandlerMapping> mappings;

  /**
   * Each path the service maps, its controllers' and the actuator's (variables filled in with
   * 1), with the methods mapped for it; the shared fixtures' routes are not the service's.
   */
  Map<String, Set<String>> endpoints() {
    return MappedEndpoint.everyIn(mappings).stream().filter(endpoint -> !endpoint.isFixture())
        .collect(Collectors.groupingBy(
            endpoint -> endpoint.pattern().replaceAll("\\{[^}]+}", "1"), TreeMap::new,
            Collectors.mapping(MappedEndpoint::method, Collectors.toCollection(TreeSet::new))));
  }

  Stream<Arguments> provocations() {
    List<Arguments> cases = new ArrayList<>();
    endpoints().forEach((path, methods) -> {
      METHODS.stream().filter(method -> !methods.contains(method)).findFirst().ifPresent(
          unmapped -> cases.add(Arguments.of(unmapped, path, Map.of(), UNMAPPED)));
      for (String method : methods) {
        cases.add(Arguments.of(method, path, Map.of("Accept", "text/html"), "Accept text/html"));
        cases.add(Arguments.of(method, path, Map.of("Accept", ";;;/"), "malformed Accept"));
        if (!method.equals("GET") && !method.equals("DELETE")) {
          cases.add(Arguments.of(method, path, Map.of("Content-Type", "text/plain"),
              "a text/plain body"));
        }
      }
    });
    return cases.stream();
  }

  @Test
  void theSweepCoversEveryMappedEndpoint() {
    assertThat(endpoints()).hasSizeGreaterThan(30).containsKeys("/api/v1/orders", "/graphql",
        "/admin/audit", "/api/v1/products/1", "/actuator/prometheus", "/error")
        .doesNotContainKey("/lab/fixtures/boom");
    assertThat(provocations().count()).isGreaterThan(100);
  }

  @ParameterizedTest(name = "{0} {1} with {3}")
  @MethodSource("provocations")
  void aRefusalIsAProblemWithTheSecurityHeaders(String method, String path,
      Map<String, String> headers, String provocation) {
    Api caller = method.equals("GET") || provocation.equals(UNMAPPED)
        ? api
        : api.as(tokens.customer(1));
    var response = caller.send(method, path, HttpRequest.BodyPublishers.ofString("{}"), headers);

    assertThat(response.status()).as(response.body()).isLessThan(500);
    if (response.status() >= 400) {
      assertThat(response.header("Content-Type")).as(response.body())
          .startsWith("application/problem+json");
      JsonNode problem = response.jsonBody();
      assertThat(problem.path("status").asInt()).isEqualTo(response.status());
      assertThat(problem.path("code").asString()).isNotBlank();
      assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(response.header("Content-Security-Policy")).isNotEmpty();
      assertThat(response.header("X-Request-ID")).isNotEmpty();
    }
  }
}
