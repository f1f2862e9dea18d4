package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.RateLimitFixtures;
import dev.fieldguide.orders.security.DevTokenIssuer;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lab's rules, added to the service's filter chain by {@code LabAccessRules}: running a lab
 * needs an admin, the stampede fixture's product reads are public like the real ones, and the
 * service's own rules still apply everywhere else.
 */
@IntegrationTest
class LabAccessIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  DevTokenIssuer tokens;

  @Autowired
  TestData data;

  @Test
  void listingOrRunningLabsNeedsAnAdmin() {
    Api customer = api.as(tokens.customer(1));

    assertThat(api.anonymous().get("/lab").status()).isEqualTo(401);
    assertThat(customer.get("/lab").status()).isEqualTo(403);
    assertThat(LabRunsClient.start(customer, "errors").status()).isEqualTo(403);
    assertThat(api.get("/lab").status()).isEqualTo(200);
    assertThat(LabRunsClient.start(api, "no-such-lab").status()).isEqualTo(404);
  }

  @Test
  void theStampedeFixtureReadsProductsWithoutAToken() {
    long product = data.productWithStock(100, 1);

    var response = api.anonymous().get(StampedeFixtures.PATH + "jvm/products/" + product);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.jsonBody().path("id").asLong()).isEqualTo(product);
  }

  @Test
  void theTrivialRouteAnswersWithoutATokenThroughTheRateLimiter() {
    var response = api.anonymous().get(RateLimitFixtures.PING);

    assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(response.header("RateLimit")).isNotEmpty();
  }

  @Test
  void theServiceRulesStillHoldBesideTheLabs() {
    assertThat(api.anonymous().get("/api/v1/orders/1").status()).isEqualTo(401);
    assertThat(api.anonymous().get("/admin/audit").status()).isEqualTo(401);
  }
}
