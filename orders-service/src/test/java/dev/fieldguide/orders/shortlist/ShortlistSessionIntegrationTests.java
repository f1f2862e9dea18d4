package dev.fieldguide.orders.shortlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R5: the shortlist lives in a Spring Session stored in Redis, one per client, and only the
 * shortlist endpoints ever create a session.
 */
@IntegrationTest
class ShortlistSessionIntegrationTests {

  private static final String SHORTLIST = "/api/v1/shortlist";

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  RedissonClient redisson;

  @Test
  void withItsCookieTheShortlistPersistsAcrossRequests() {
    long lamp = product();
    long chair = product();

    var first = add(lamp, Map.of());
    String cookie = sessionCookie(first);
    assertThat(first.header("Set-Cookie")).contains("Path=" + SHORTLIST, "HttpOnly",
        "SameSite=Lax");
    var second = add(chair, Map.of("Cookie", cookie));
    assertThat(second.header("Set-Cookie")).as("same session, no new cookie").isEmpty();

    assertThat(ids(api.get(SHORTLIST, Map.of("Cookie", cookie)))).containsExactly(lamp, chair);
    var removed = api.send("DELETE", SHORTLIST + "/" + lamp, HttpRequest.BodyPublishers.noBody(),
        Map.of("Cookie", cookie));
    assertThat(ids(removed)).containsExactly(chair);
    assertThat(ids(api.get(SHORTLIST, Map.of("Cookie", cookie)))).containsExactly(chair);
  }

  @Test
  void theSessionIsAHashInRedisUnderTheNamespaceWithATtl() {
    String cookie = sessionCookie(add(product(), Map.of()));
    String sessionId = new String(Base64.getDecoder().decode(cookie.substring("SESSION=".length())),
        StandardCharsets.UTF_8);
    String key = "fieldguide:session:sessions:" + sessionId;

    assertThat(redisson.getKeys().countExists(key)).isEqualTo(1);
    assertThat(redisson.getKeys().remainTimeToLive(key)).isPositive()
        .isLessThanOrEqualTo(Duration.ofMinutes(30).toMillis());
  }

  @Test
  void twoClientsDoNotSeeEachOthersLists() {
    long mine = product();
    long yours = product();
    String myCookie = sessionCookie(add(mine, Map.of()));
    String yourCookie = sessionCookie(add(yours, Map.of()));

    assertThat(myCookie).isNotEqualTo(yourCookie);
    assertThat(ids(api.get(SHORTLIST, Map.of("Cookie", myCookie)))).containsExactly(mine);
    assertThat(ids(api.get(SHORTLIST, Map.of("Cookie", yourCookie)))).containsExactly(yours);
    assertThat(ids(api.get(SHORTLIST))).as("no cookie, no list").isEmpty();
  }

  @Test
  void onlyAddingToTheShortlistCreatesASession() {
    long productId = product();

    var productRead = api.get("/api/v1/products/" + productId);
    var emptyList = api.get(SHORTLIST);
    var removeWithoutSession = api.send("DELETE", SHORTLIST + "/" + productId,
        HttpRequest.BodyPublishers.noBody(), Map.of());
    var unknownProduct = add(ThreadLocalRandom.current().nextLong(9_000_000_000L, 9_100_000_000L),
        Map.of());

    assertThat(productRead.status()).isEqualTo(200);
    assertThat(emptyList.status()).isEqualTo(200);
    assertThat(ids(removeWithoutSession)).isEmpty();
    assertThat(unknownProduct.status()).isEqualTo(404);
    assertThat(unknownProduct.jsonBody().get("code").asString()).isEqualTo("PRODUCT_NOT_FOUND");
    for (var response : List.of(productRead, emptyList, removeWithoutSession, unknownProduct)) {
      assertThat(response.header("Set-Cookie")).isEmpty();
    }
  }

  @Test
  void aBadBodyIsA400Problem() {
    for (String body : List.of("{}", "{\"productId\": -1}", "{\"productId\": \"lamp\"}", "{",
        "")) {
      var response = api.post(SHORTLIST, "application/json", body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(response.header("Set-Cookie")).isEmpty();
    }
  }

  @Test
  void aShortlistHoldsAtMostTwentyProducts() {
    List<Long> products = new ArrayList<>();
    for (int i = 0; i < ShortlistController.MAX_ENTRIES + 1; i++) {
      products.add(product());
    }
    String cookie = sessionCookie(add(products.getFirst(), Map.of()));
    for (long productId : products.subList(1, ShortlistController.MAX_ENTRIES)) {
      assertThat(add(productId, Map.of("Cookie", cookie)).status()).isEqualTo(200);
    }

    var again = add(products.getFirst(), Map.of("Cookie", cookie));
    var full = add(products.getLast(), Map.of("Cookie", cookie));

    assertThat(ids(again)).as("adding one already there changes nothing")
        .hasSize(ShortlistController.MAX_ENTRIES);
    assertThat(full.status()).isEqualTo(409);
    assertThat(full.jsonBody().get("code").asString()).isEqualTo("SHORTLIST_FULL");
    assertThat(ids(api.get(SHORTLIST, Map.of("Cookie", cookie))))
        .containsExactlyElementsOf(products.subList(0, ShortlistController.MAX_ENTRIES));
  }

  private long product() {
    return data.product("Shortlisted " + ThreadLocalRandom.current().nextInt(), 2_500, Map.of());
  }

  private Api.Response add(long productId, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("Content-Type", "application/json");
    return api.post(SHORTLIST, "{\"productId\": %d}".formatted(productId), all);
  }

  /** {@code SESSION=<value>} from the response's Set-Cookie, ready to send back. */
  private static String sessionCookie(Api.Response response) {
    assertThat(response.status()).isEqualTo(200);
    String setCookie = response.header("Set-Cookie");
    assertThat(setCookie).startsWith("SESSION=");
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private static List<Long> ids(Api.Response response) {
    assertThat(response.status()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    response.jsonBody().get("productIds").forEach(id -> ids.add(id.asLong()));
    return ids;
  }
}
