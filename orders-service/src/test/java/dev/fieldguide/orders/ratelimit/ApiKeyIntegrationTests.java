package dev.fieldguide.orders.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.audit.AuditLog;
import dev.fieldguide.orders.security.DevTokenIssuer;
import dev.fieldguide.orders.security.Sha256;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.RawHttp;
import dev.fieldguide.orders.support.TestData;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R4: an admin issues an API key (shown once, stored only as its SHA-256) and revokes it; both are
 * audited admin functions. A key works from the moment it is issued until it is revoked.
 */
@IntegrationTest
class ApiKeyIntegrationTests {

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  AuditLog audit;

  @Autowired
  DevTokenIssuer tokens;

  @Autowired
  TestData data;

  @Autowired
  Environment environment;

  @Test
  void anIssuedKeyIsShownOnceAndStoredOnlyAsItsDigest() {
    String owner = "partner-" + UUID.randomUUID();

    var issued = api.post(ApiKeyController.PATH, "{\"owner\": \"%s\"}".formatted(owner), JSON);

    assertThat(issued.status()).isEqualTo(201);
    assertThat(issued.header("Cache-Control")).contains("no-store");
    String key = issued.jsonBody().path("key").asString();
    long id = issued.jsonBody().path("id").asLong();
    assertThat(key).matches("fgk_[A-Za-z0-9_-]{43}");
    assertThat(issued.header("Location")).isEqualTo(ApiKeyController.PATH + "/" + id);
    assertThat(jdbc.sql("SELECT key_sha256, owner FROM api_keys WHERE id = ?").param(id)
        .query((rs, row) -> rs.getString(1) + " " + rs.getString(2)).single())
        .isEqualTo(Sha256.hex(key) + " " + owner);
    assertThat(jdbc.sql("SELECT count(*) FROM api_keys WHERE key_sha256 = ? OR owner = ?")
        .params(key, key).query(Long.class).single()).as("the key itself is nowhere").isZero();
    assertThat(api.anonymous().get("/api/lab/ping", Map.of("X-API-Key", key)).status())
        .isEqualTo(200);
  }

  @Test
  void aRevokedKeyIsRefusedFromThenOn() {
    var issued = api.post(ApiKeyController.PATH, "{\"owner\": \"revoked\"}", JSON).jsonBody();
    String path = ApiKeyController.PATH + "/" + issued.path("id").asLong();

    var revoked = api.send("DELETE", path, HttpRequest.BodyPublishers.noBody(), Map.of());
    var again = api.send("DELETE", path, HttpRequest.BodyPublishers.noBody(), Map.of());
    var used = api.anonymous().get("/api/lab/ping",
        Map.of("X-API-Key", issued.path("key").asString()));

    assertThat(revoked.status()).isEqualTo(204);
    assertThat(again.status()).as("revoking twice is no error").isEqualTo(204);
    assertThat(used.status()).isEqualTo(401);
    assertThat(used.jsonBody().path("code").asString()).isEqualTo("INVALID_API_KEY");
    assertThat(audit.latest("test-admin", 10)).extracting(event -> event.action())
        .contains("DELETE " + path, "POST " + ApiKeyController.PATH);
  }

  @Test
  void revokingAKeyThatWasNeverIssuedIs404() {
    var response = api.send("DELETE", ApiKeyController.PATH + "/" + Long.MAX_VALUE,
        HttpRequest.BodyPublishers.noBody(), Map.of());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.jsonBody().path("code").asString()).isEqualTo("API_KEY_NOT_FOUND");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/admin/api-keys", "/%61dmin/api-keys", "/admin/%61pi-keys",
      "/admin/api%2Dkeys", "/ADMIN/api-keys", "/admin/api-keys/", "/admin//api-keys",
      "/admin/./api-keys", "/admin/api-keys;x=1", "/admin/api-keys%00"})
  void aCustomerIssuesNoKeyUnderAnySpellingOfTheRoute(String spelling) {
    String owner = "hostile-" + UUID.randomUUID();
    int port = environment.getRequiredProperty("local.server.port", Integer.class);

    var response = RawHttp.request(port, "POST", spelling, Map.of("Content-Type",
        "application/json", "Authorization", "Bearer " + tokens.customer(data.customer())),
        "{\"owner\": \"%s\"}".formatted(owner));

    assertThat(response.status()).as(response.describe()).isIn(400, 403, 404);
    assertThat(jdbc.sql("SELECT count(*) FROM api_keys WHERE owner = ?").param(owner)
        .query(Long.class).single()).isZero();
  }

  @Test
  void anUnknownPolicyOrABlankOwnerIs400() {
    var unknownPolicy = api.post(ApiKeyController.PATH,
        "{\"owner\": \"partner\", \"policy\": \"no-such-policy\"}", JSON);
    var blankOwner = api.post(ApiKeyController.PATH, "{\"owner\": \" \"}", JSON);

    assertThat(unknownPolicy.status()).isEqualTo(400);
    assertThat(unknownPolicy.jsonBody().path("code").asString())
        .isEqualTo("UNKNOWN_RATE_LIMIT_POLICY");
    assertThat(blankOwner.status()).isEqualTo(400);
  }
}
