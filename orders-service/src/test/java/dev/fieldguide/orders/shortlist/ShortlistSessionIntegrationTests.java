package dev.fieldguide.orders.shortlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.SetCookies;
import dev.fieldguide.orders.support.TestData;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R5: the shortlist lives in a Spring Session stored in Redis, one per client, and only the
 * shortlist endpoints ever create a session. D6: being a cookie session, its writes need the CSRF
 * token its reads hand out.
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
    assertThat(SetCookies.named(first, "SESSION=")).singleElement().asString()
        .contains("Path=" + SHORTLIST, "HttpOnly", "SameSite=Lax");
    var second = add(chair, Map.of("Cookie", cookie));
    assertThat(second.header("Set-Cookie")).as("same session, no new cookie").isEmpty();

    assertThat(ids(visitor().get(SHORTLIST, Map.of("Cookie", cookie))))
        .containsExactly(lamp, chair);
    var removed = write("DELETE", SHORTLIST + "/" + lamp, HttpRequest.BodyPublishers.noBody(),
        Map.of("Cookie", cookie));
    assertThat(ids(removed)).containsExactly(chair);
    assertThat(ids(visitor().get(SHORTLIST, Map.of("Cookie", cookie)))).containsExactly(chair);
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
    assertThat(ids(visitor().get(SHORTLIST, Map.of("Cookie", myCookie)))).containsExactly(mine);
    assertThat(ids(visitor().get(SHORTLIST, Map.of("Cookie", yourCookie))))
        .containsExactly(yours);
    assertThat(ids(visitor().get(SHORTLIST))).as("no cookie, no list").isEmpty();
  }

  @Test
  void onlyAddingToTheShortlistCreatesASession(RandomGenerator random) {
    long productId = product();

    var productRead = visitor().get("/api/v1/products/" + productId);
    var emptyList = visitor().get(SHORTLIST);
    var removeWithoutSession = write("DELETE", SHORTLIST + "/" + productId,
        HttpRequest.BodyPublishers.noBody(), Map.of());
    var unknownProduct = add(random.nextLong(9_000_000_000L, 9_100_000_000L),
        Map.of());

    assertThat(productRead.status()).isEqualTo(200);
    assertThat(emptyList.status()).isEqualTo(200);
    assertThat(ids(removeWithoutSession)).isEmpty();
    assertThat(unknownProduct.status()).isEqualTo(404);
    assertThat(unknownProduct.jsonBody().get("code").asString()).isEqualTo("PRODUCT_NOT_FOUND");
    for (var response : List.of(productRead, emptyList, removeWithoutSession, unknownProduct)) {
      assertThat(SetCookies.named(response, "SESSION=")).isEmpty();
    }
  }

  @Test
  void aBadBodyIsA400Problem() {
    for (String body : List.of("{}", "{\"productId\": -1}", "{\"productId\": \"lamp\"}", "{",
        "")) {
      var response = write("POST", SHORTLIST, HttpRequest.BodyPublishers.ofString(body),
          Map.of("Content-Type", "application/json"));
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(SetCookies.named(response, "SESSION=")).isEmpty();
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
    assertThat(ids(visitor().get(SHORTLIST, Map.of("Cookie", cookie))))
        .containsExactlyElementsOf(products.subList(0, ShortlistController.MAX_ENTRIES));
  }

  private long product() {
    return data.aProduct().named("Shortlisted").priced(2_500).create();
  }

  @Test
  void aWriteWithoutTheCsrfTokenIsRefusedAndStoresNothing() {
    long productId = product();
    String token = csrfToken();

    var none = visitor().post(SHORTLIST, "{\"productId\": %d}".formatted(productId),
        Map.of("Content-Type", "application/json"));
    var cookieOnly = visitor().post(SHORTLIST, "{\"productId\": %d}".formatted(productId),
        Map.of("Content-Type", "application/json", "Cookie", "XSRF-TOKEN=" + token));
    var wrong = visitor().post(SHORTLIST, "{\"productId\": %d}".formatted(productId),
        Map.of("Content-Type", "application/json", "Cookie", "XSRF-TOKEN=" + token,
            SetCookies.CSRF_HEADER, token + "x"));

    for (var refused : List.of(none, cookieOnly, wrong)) {
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.jsonBody().get("code").asString()).isEqualTo("CSRF_TOKEN_INVALID");
      assertThat(SetCookies.named(refused, "SESSION=")).as("no session created").isEmpty();
    }
  }

  @Test
  void readingTheShortlistHandsOutTheCsrfTokenButNoSession() {
    var read = visitor().get(SHORTLIST);

    assertThat(SetCookies.named(read, "XSRF-TOKEN=")).singleElement().asString()
        .doesNotContain("HttpOnly"); // the page's script must be able to read it
    assertThat(SetCookies.named(read, "SESSION=")).isEmpty();
  }

  /** An anonymous visitor: the shortlist is a cookie-session resource, no token involved. */
  private Api visitor() {
    return api.anonymous();
  }

  private Api.Response add(long productId, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("Content-Type", "application/json");
    return write("POST", SHORTLIST, HttpRequest.BodyPublishers.ofString(
        "{\"productId\": %d}".formatted(productId)), all);
  }

  /** A write as a browser page makes it: the CSRF cookie, and its value echoed in the header. */
  private Api.Response write(String method, String path, HttpRequest.BodyPublisher body,
      Map<String, String> headers) {
    String token = csrfToken();
    Map<String, String> all = new HashMap<>(headers);
    all.merge("Cookie", "XSRF-TOKEN=" + token, (session, csrf) -> session + "; " + csrf);
    all.put(SetCookies.CSRF_HEADER, token);
    return visitor().send(method, path, body, all);
  }

  private String csrfToken() {
    return SetCookies.csrfToken(visitor().get(SHORTLIST));
  }

  /** {@code SESSION=<value>} from the response's Set-Cookie, ready to send back. */
  private static String sessionCookie(Api.Response response) {
    assertThat(response.status()).isEqualTo(200);
    List<String> session = SetCookies.named(response, "SESSION=");
    assertThat(session).hasSize(1);
    return session.getFirst().substring(0, session.getFirst().indexOf(';'));
  }

  private static List<Long> ids(Api.Response response) {
    assertThat(response.status()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    response.jsonBody().get("productIds").forEach(id -> ids.add(id.asLong()));
    return ids;
  }
}
