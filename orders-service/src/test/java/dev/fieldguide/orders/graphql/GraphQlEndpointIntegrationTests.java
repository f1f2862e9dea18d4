package dev.fieldguide.orders.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.security.DevTokenIssuer;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
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

  @Autowired
  DevTokenIssuer tokens;

  @Autowired
  TestData data;

  @Test
  void graphQlRequestsTakeFromTheApiRateLimitBucket() {
    var response = new GraphQlPost(api, json).query("{ orders(first: 1) { nextCursor } }");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("RateLimit-Policy")).startsWith("\"api\";");
    assertThat(response.header("X-RateLimit-Remaining")).isNotEmpty();
  }

  @Test
  void aQueryPaysItsCostInTokensFromTheCallersBucket() {
    // A new customer each: a full bucket of their own, so Remaining shows what each query took.
    Api cheap = api.as(tokens.customer(data.customer()));
    Api costly = api.as(tokens.customer(data.customer()));

    var small = new GraphQlPost(cheap, json).query("{ orders(first: 1) { nextCursor } }");
    var fullPage = new GraphQlPost(costly, json)
        .query("{ " + GraphQlPost.FULL_PAGE.formatted("page") + " }");

    long limit = Long.parseLong(small.header("X-RateLimit-Limit"));
    assertThat(Long.parseLong(small.header("X-RateLimit-Remaining"))).isEqualTo(limit - 1);
    // Complexity 1,801 at 100 per token: 19 tokens, the first taken before the query was read.
    // The bucket refills between the two takes, so only "at least 18 more" is exact.
    assertThat(Long.parseLong(fullPage.header("X-RateLimit-Remaining")))
        .isLessThanOrEqualTo(limit - 18);
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
