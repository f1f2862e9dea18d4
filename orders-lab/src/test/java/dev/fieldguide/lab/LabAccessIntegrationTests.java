package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.RateLimitFixtures;
import dev.fieldguide.orders.security.DevTokenIssuer;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lab's rules, added to the service's filter chain by {@code LabAccessRules}: from another
 * machine running a lab needs an admin, from this one the page and its runs open without a token;
 * the stampede fixture's product reads are public like the real ones, and the service's own rules
 * still apply everywhere else. A remote caller is one a proxy on this host forwards for, as Tomcat
 * believes {@code X-Forwarded-For} from loopback only.
 */
@IntegrationTest
class LabAccessIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  DevTokenIssuer tokens;

  @Autowired
  TestData data;

  private static final Map<String, String> REMOTE = Map.of("X-Forwarded-For", "203.0.113.7");

  @Test
  void fromAnotherMachineListingOrRunningLabsNeedsAnAdmin() {
    Api customer = api.as(tokens.customer(1));
    String start = "{\"lab\":\"errors\"}";

    assertThat(api.anonymous().get("/lab", REMOTE).status()).isEqualTo(401);
    assertThat(api.anonymous().get("/lab/topics", REMOTE).status()).isEqualTo(401);
    assertThat(api.anonymous().get(LabPageAssets.ASSETS + "lab.js", REMOTE).status())
        .isEqualTo(401);
    assertThat(customer.get("/lab", REMOTE).status()).isEqualTo(403);
    assertThat(customer.post(LabRuns.PATH, start, contentTypeJson(REMOTE)).status())
        .isEqualTo(403);
    assertThat(api.get("/lab", REMOTE).status()).isEqualTo(200);
    assertThat(api.post(LabRuns.PATH, "{\"lab\":\"no-such-lab\"}", contentTypeJson(REMOTE))
        .status()).isEqualTo(404);
  }

  @Test
  void fromThisMachineThePageAndItsRunsOpenWithoutAToken() {
    Api browser = api.anonymous();

    assertThat(browser.get("/lab", Map.of("Accept", "text/html")).header("Content-Type"))
        .startsWith("text/html");
    assertThat(browser.get("/lab/topics").status()).isEqualTo(200);
    assertThat(LabRunsClient.start(browser, "no-such-lab").status()).isEqualTo(404);
  }

  private static Map<String, String> contentTypeJson(Map<String, String> headers) {
    var withType = new HashMap<>(headers);
    withType.put("Content-Type", "application/json");
    return withType;
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
