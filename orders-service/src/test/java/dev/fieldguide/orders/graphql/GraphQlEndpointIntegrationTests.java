package dev.fieldguide.orders.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** A3: {@code /graphql} is an API like {@code /api/**}: rate-limited, and no browser console. */
@IntegrationTest
class GraphQlEndpointIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  JsonMapper json;

  @Test
  void graphQlRequestsTakeFromTheApiRateLimitBucket() {
    var response = new GraphQlPost(api, json).query("{ orders(first: 1) { nextCursor } }");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("RateLimit-Policy")).startsWith("\"api\";");
    assertThat(response.header("X-RateLimit-Remaining")).isNotEmpty();
  }

  @Test
  void thereIsNoGraphiQlPage() {
    assertThat(api.get("/graphiql").status()).isEqualTo(404);
  }

  @Test
  void theStatementTallyAnswersOnlyALabThatAsks() {
    var response = new GraphQlPost(api, json).query("{ orders(first: 1) { nextCursor } }");

    assertThat(response.header("X-Lab-Statements")).isEmpty();
  }
}
