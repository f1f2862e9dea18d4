package dev.fieldguide.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.ContainerServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The {@code prod} profile switches the demo surface off: no lab endpoints or fixtures, no GraphQL
 * introspection or lab schema extension. This is
 * the one test with its own Spring context, since the profile is the thing under test.
 */
// prod takes the cursor secret from the environment and will not start without one
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "fieldguide.cursor.secret=prod-profile-test")
@ActiveProfiles({"test", "prod"})
@Import({ContainerServices.class, Api.class})
@DirtiesContext // release its pool at once; no other class can reuse this context
class ProdProfileIntegrationTests {

  @Autowired
  Api api;

  @Test
  void labEndpointsDoNotExist() {
    assertThat(api.get("/lab/errors").status()).isEqualTo(404);
    assertThat(api.get("/lab/fixtures/boom").status()).isEqualTo(404);
  }

  @Test
  void graphQlAnswersWithoutIntrospectionOrTheLabsOneByOneFields() {
    var introspection = graphQl("{ __schema { queryType { name } } }");
    var labField = graphQl("{ orders { items { linesOneByOne { quantity } } } }");
    var plain = graphQl("{ orders(first: 1) { nextCursor } }");

    assertThat(introspection.path("errors").get(0).path("message").asString())
        .contains("Introspection has been disabled");
    assertThat(labField.path("errors").get(0).path("message").asString())
        .contains("linesOneByOne").contains("undefined");
    assertThat(plain.path("errors").isMissingNode()).as(plain.toString()).isTrue();
  }

  @Test
  void errorsAreStillProblems() {
    var response = api.get("/api/v1/products/abc");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  private JsonNode graphQl(String document) {
    return api.post("/graphql", "{\"query\": \"%s\"}".formatted(document),
        java.util.Map.of("Content-Type", "application/json")).jsonBody();
  }
}
