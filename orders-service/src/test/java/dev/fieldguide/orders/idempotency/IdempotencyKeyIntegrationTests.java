package dev.fieldguide.orders.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.security.DevTokenIssuer;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.SetCookies;
import dev.fieldguide.orders.support.TestData;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * A2: {@code Idempotency-Key} per the IETF draft — replay with {@code Idempotent-Replayed}, 422
 * for a reused key with another body, 409 while the first is in flight, 400 for a missing or
 * malformed key, outcomes stored for 24 h and then cleaned up in batches.
 */
@IntegrationTest
class IdempotencyKeyIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  DevTokenIssuer tokens;

  @Autowired
  TestData data;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  DataSource dataSource;

  @Autowired
  IdempotencyKeyCleanup cleanup;

  @Autowired
  IdempotencyKeyStore store;

  @Autowired
  JwtDecoder decoder;

  @Autowired
  JwtAuthenticationConverter tokenConverter;

  @Test
  void aRepeatReplaysTheStoredResponseAndWritesNothingMore() {
    String body = orderBody(data.customer(), data.productWithStock(900, 10));
    String key = UUID.randomUUID().toString();

    var first = post(key, body, Map.of());
    long orders = data.count("orders");
    long events = data.count("outbox_events");
    var second = post(key, body, Map.of());

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.header(IdempotencyKeyFilter.REPLAYED)).isEmpty();
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.header(IdempotencyKeyFilter.REPLAYED)).isEqualTo("true");
    assertThat(second.header("Location")).isEqualTo(first.header("Location"));
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(data.count("orders")).isEqualTo(orders);
    assertThat(data.count("outbox_events")).isEqualTo(events);
  }

  @Test
  void theSameKeyWithAnotherBodyIs422() {
    long customer = data.customer();
    String key = UUID.randomUUID().toString();
    post(key, orderBody(customer, data.productWithStock(900, 10)), Map.of());

    var reused = post(key, orderBody(customer, data.productWithStock(900, 10)), Map.of());

    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.jsonBody().path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void clientErrorsAreStoredAndReplayedToo() {
    String body = orderBody(987_654_321L, data.productWithStock(900, 10));
    String key = UUID.randomUUID().toString();

    var first = post(key, body, Map.of());
    var second = post(key, body, Map.of());

    assertThat(first.status()).isEqualTo(404);
    assertThat(second.status()).isEqualTo(404);
    assertThat(second.header(IdempotencyKeyFilter.REPLAYED)).isEqualTo("true");
    assertThat(second.body()).isEqualTo(first.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "\"\"", "quote\"inside", "tab\tinside", "TOO_LONG"})
  void aMalformedKeyIs400(String malformed) {
    String key = malformed.equals("TOO_LONG") ? "k".repeat(256) : malformed;
    var response = post(key, orderBody(data.customer(), data.productWithStock(900, 10)), Map.of());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.jsonBody().path("code").asString()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
  }

  @Test
  void aMissingKeyIs400WhereOneIsRequired() {
    var response = api.post("/api/v1/orders",
        orderBody(data.customer(), data.productWithStock(900, 10)),
        Map.of("Content-Type", "application/json"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.jsonBody().path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
  }

  @Test
  void aQuotedKeyIsTheSameKeyAsItsBareForm() {
    String body = orderBody(data.customer(), data.productWithStock(900, 10));
    String key = UUID.randomUUID().toString();

    post(key, body, Map.of());
    var quoted = post("\"" + key + "\"", body, Map.of());

    assertThat(quoted.header(IdempotencyKeyFilter.REPLAYED)).isEqualTo("true");
  }

  @Test
  void keysAreScopedPerAuthenticatedCaller() {
    String body = orderBody(data.customer(), data.productWithStock(900, 10));
    String key = UUID.randomUUID().toString();

    var a = post(key, body, Map.of("Authorization", "Bearer " + tokens.admin("client-a")));
    var b = post(key, body, Map.of("Authorization", "Bearer " + tokens.admin("client-b")));

    assertThat(a.status()).isEqualTo(201);
    assertThat(b.status()).isEqualTo(201);
    assertThat(b.header(IdempotencyKeyFilter.REPLAYED)).as("never another caller's response")
        .isEmpty();
    assertThat(b.header("Location")).isNotEqualTo(a.header("Location"));
  }

  @Test
  void aCustomerTokenAndAnAdminTokenWithTheSameSubjectAreTwoCallers() {
    long customer = data.customer();
    String body = orderBody(customer, data.productWithStock(900, 10));
    String key = UUID.randomUUID().toString();
    String customerToken = tokens.customer(customer);
    String adminWithTheSameSubject = tokens.admin("customer-" + customer);

    var asCustomer = post(key, body, Map.of("Authorization", "Bearer " + customerToken));
    var asAdmin = post(key, body, Map.of("Authorization", "Bearer " + adminWithTheSameSubject));

    assertThat(asCustomer.status()).isEqualTo(201);
    assertThat(asAdmin.status()).isEqualTo(201);
    assertThat(asAdmin.header(IdempotencyKeyFilter.REPLAYED))
        .as("the customer's stored response is not the admin's").isEmpty();
    assertThat(asAdmin.header("Location")).isNotEqualTo(asCustomer.header("Location"));
  }

  @Test
  void twoSessionsWithTheSameKeyGetTheirOwnOutcomes() {
    long lamp = data.product("Lamp", 1_000, Map.of());
    long chair = data.product("Chair", 1_000, Map.of());
    String mine = shortlistSession(data.product("First", 1_000, Map.of()));
    String yours = shortlistSession(data.product("First", 1_000, Map.of()));
    String key = UUID.randomUUID().toString();

    var myAdd = addToShortlist(mine, lamp, key);
    var yourAdd = addToShortlist(yours, chair, key);

    assertThat(yourAdd.header(IdempotencyKeyFilter.REPLAYED)).as("never my response").isEmpty();
    assertThat(myAdd.jsonBody().path("productIds").toString()).contains(String.valueOf(lamp))
        .doesNotContain(String.valueOf(chair));
    assertThat(yourAdd.jsonBody().path("productIds").toString()).contains(String.valueOf(chair))
        .doesNotContain(String.valueOf(lamp));
  }

  @Test
  void aKeyFromACallerWithNeitherTokenNorSessionIsRefused() {
    var response = addToShortlist(null, data.product("Lamp", 1_000, Map.of()),
        UUID.randomUUID().toString());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.jsonBody().path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_UNSCOPED");
    assertThat(SetCookies.named(response, "SESSION=")).as("no session created").isEmpty();
  }

  @Test
  void aRepeatWhileTheFirstIsStillRunningIs409() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = orderBody(data.customer(), data.productWithStock(900, 10));
    try (Connection other = dataSource.getConnection();
        var lock = other.prepareStatement(
            "SELECT pg_advisory_lock(?)")) {
      // Stand in for a first request that holds the key's lock right now.
      lock.setLong(1, IdempotencyKeyStore.lockId(scopeOf(tokens.admin("test-admin")), key));
      lock.execute();

      var concurrent = post(key, body, Map.of());

      assertThat(concurrent.status()).isEqualTo(409);
      assertThat(concurrent.header("Retry-After")).isEqualTo("1");
      assertThat(concurrent.jsonBody().path("code").asString())
          .isEqualTo("IDEMPOTENCY_KEY_IN_FLIGHT");
      other.createStatement().execute("SELECT pg_advisory_unlock_all()");
    }
    assertThat(post(key, body, Map.of()).status()).isEqualTo(201);
  }

  @Test
  void aHundredConcurrentIdenticalPostsCreateOneOrderAndOneEvent() {
    long customer = data.customer();
    String body = orderBody(customer, data.productWithStock(900, 1_000));
    String key = UUID.randomUUID().toString();
    List<Api.Response> responses = Concurrently.run(100, i -> () -> post(key, body, Map.of()));

    assertThat(responses).extracting(Api.Response::status).isSubsetOf(201, 409);
    List<String> createdBodies = responses.stream().filter(r -> r.status() == 201)
        .map(Api.Response::body).toList();
    assertThat(createdBodies).isNotEmpty().allMatch(b -> b.equals(createdBodies.getFirst()));
    assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE customer_id = ?").param(customer)
        .query((rs, row) -> rs.getLong(1)).single()).isEqualTo(1);
    assertThat(jdbc.sql("""
        SELECT count(*) FROM outbox_events e JOIN orders o ON e.aggregate_id = o.id::text
        WHERE e.aggregate_type = 'order' AND o.customer_id = ?""").param(customer)
        .query((rs, row) -> rs.getLong(1)).single())
        .isEqualTo(1);
  }

  @Test
  void anExpiredKeyIsForgottenAndCleanedUpInBatches() {
    String key = UUID.randomUUID().toString();
    long customer = data.customer();
    post(key, orderBody(customer, data.productWithStock(900, 10)), Map.of());
    jdbc.sql("UPDATE idempotency_keys SET expires_at = now() - interval '1 second'"
        + " WHERE idempotency_key = ?").param(key).update();

    var reused = post(key, orderBody(customer, data.productWithStock(900, 10)), Map.of());
    assertThat(reused.status()).as("an expired key starts afresh").isEqualTo(201);

    jdbc.sql("""
        INSERT INTO idempotency_keys (client_id, idempotency_key, fingerprint, response_status,
                                      response_headers, response_body, expires_at)
        SELECT 'cleanup-test', 'old-' || g, 'f', 201, '{}', ''::bytea, now() - interval '1 hour'
        FROM generate_series(1, 250) g
        """).update();
    assertThat(store.deleteExpired(100)).as("one batch").isEqualTo(100);
    assertThat(cleanup.deleteExpired()).isEqualTo(150);
    assertThat(jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE expires_at <= now()")
        .query((rs, row) -> rs.getLong(1)).single()).isZero();
    assertThat(jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?")
        .param(key).query((rs, row) -> rs.getLong(1)).single()).as("the live key stays")
        .isEqualTo(1);
  }

  private Api.Response post(String key, String body, Map<String, String> extraHeaders) {
    Map<String, String> headers = new HashMap<>(extraHeaders);
    headers.put("Content-Type", "application/json");
    headers.put("Idempotency-Key", key);
    return api.post("/api/v1/orders", body, headers);
  }

  /** The scope the filter gives {@code token}'s caller (Api's default caller: test-admin). */
  private String scopeOf(String token) {
    SecurityContextHolder.getContext()
        .setAuthentication(Objects.requireNonNull(tokenConverter.convert(decoder.decode(token))));
    try {
      return IdempotencyScope.of(new MockHttpServletRequest()).orElseThrow();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** A new shortlist session holding {@code productId}; its {@code Cookie} header. */
  private String shortlistSession(long productId) {
    var first = addToShortlist(null, productId, null);
    String cookie = SetCookies.named(first, "SESSION=").getFirst();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  /** An anonymous shortlist add as a browser page sends it, in {@code session} if not null. */
  private Api.Response addToShortlist(@Nullable String session, long productId,
      @Nullable String key) {
    String csrf = SetCookies.csrfToken(api.anonymous().get("/api/v1/shortlist"));
    Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json",
        SetCookies.CSRF_HEADER, csrf, "Cookie",
        (session == null ? "" : session + "; ") + "XSRF-TOKEN=" + csrf));
    if (key != null) {
      headers.put(IdempotencyKeyFilter.HEADER, key);
    }
    return api.anonymous().post("/api/v1/shortlist", "{\"productId\": %d}".formatted(productId),
        headers);
  }

  private static String orderBody(long customerId, long productId) {
    return "{\"customerId\": %d, \"lines\": [{\"productId\": %d, \"quantity\": 1}]}"
        .formatted(customerId, productId);
  }
}
