package dev.fieldguide.orders.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import dev.fieldguide.orders.support.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A4: what makes a token good. Signed by a trusted key chosen by {@code kid} (and rotating that
 * key without a restart), then issuer, audience and the claims the API acts on; anything else is
 * a 401 with the RFC 6750 challenge.
 */
@IntegrationTest
class TokenVerificationIntegrationTests {

  private static final String ADMIN_ONLY = "/admin/audit?limit=1";

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  ApiSecurityProperties security;

  private Path keySet;

  @BeforeEach
  void keySetFile() {
    keySet = Objects.requireNonNull(security.jwkSetFile());
  }

  @Test
  void aRotatedOutKeyIsRefusedOnceItLeavesTheKeySetWithoutARestart() {
    RSAKey old = TestTokens.newKey("2026-10-" + UUID.randomUUID());
    RSAKey next = TestTokens.newKey("2026-11-" + UUID.randomUUID());

    TestTokens.publish(keySet, List.of(old));
    int beforeRotation = statusSignedBy(old);
    int newKeyTooEarly = statusSignedBy(next);
    TestTokens.publish(keySet, List.of(old, next)); // the overlap: both verify
    int oldDuringOverlap = statusSignedBy(old);
    int newDuringOverlap = statusSignedBy(next);
    // One token used again and again: verified once, then remembered (VerifiedTokens).
    String reused = TestTokens.sign(old, TestTokens.admin("rotation"));
    int reusedDuringOverlap = status(reused) + status(reused) - 200;
    TestTokens.publish(keySet, List.of(next)); // the old key retired
    int oldAfterRetirement = statusSignedBy(old);
    int reusedAfterRetirement = status(reused);
    int newAfterRetirement = statusSignedBy(next);

    assertThat(beforeRotation).isEqualTo(200);
    assertThat(newKeyTooEarly).as("not yet published").isEqualTo(401);
    assertThat(oldDuringOverlap).isEqualTo(200);
    assertThat(newDuringOverlap).isEqualTo(200);
    assertThat(oldAfterRetirement).isEqualTo(401);
    assertThat(reusedDuringOverlap).isEqualTo(200);
    assertThat(reusedAfterRetirement).as("a remembered token of a retired key").isEqualTo(401);
    assertThat(newAfterRetirement).isEqualTo(200);
  }

  @Test
  void aKeyWithAKnownKidButOtherMaterialIsRefused() {
    RSAKey published = TestTokens.newKey("shared-" + UUID.randomUUID());
    RSAKey impostor = TestTokens.newKey(published.getKeyID());
    TestTokens.publish(keySet, List.of(published));

    assertThat(statusSignedBy(published)).isEqualTo(200);
    assertThat(statusSignedBy(impostor)).isEqualTo(401);
  }

  @Test
  void tokensThatAreNotWhatThisApiTrustsAreRefusedWithTheBearerChallenge() throws Exception {
    RSAKey key = TestTokens.newKey("claims-" + UUID.randomUUID());
    TestTokens.publish(keySet, List.of(key));
    String good = TestTokens.sign(key, TestTokens.admin("ops"));
    String header = good.substring(0, good.indexOf('.'));
    String signature = good.substring(good.lastIndexOf('.') + 1);
    String escalatedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
        TestTokens.admin("ops").claim("roles", List.of("admin", "customer"))
            .claim("customer_id", 1).build().toString().getBytes(StandardCharsets.UTF_8));
    var hmacWithThePublicKey = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
        .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
        TestTokens.admin("ops").build());
    hmacWithThePublicKey.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));

    List<String> refused = List.of(
        TestTokens.sign(key, TestTokens.admin("ops"), c -> c.issuer("https://evil.example")),
        TestTokens.sign(key, TestTokens.admin("ops"), c -> c.audience(List.of())),
        TestTokens.sign(key, TestTokens.admin("ops"), c -> c.claim("roles", List.of("root"))),
        TestTokens.sign(key, TestTokens.admin("ops"), c -> c.claim("roles", null)),
        TestTokens.sign(key, TestTokens.admin("ops"), c -> c.subject(null)),
        TestTokens.sign(key, TestTokens.customer(1), c -> c.claim("customer_id", "me")),
        TestTokens.sign(key, TestTokens.customer(1), c -> c.claim("customer_id", null)),
        header + "." + escalatedPayload + "." + signature, // payload edited after signing
        new PlainJWT(TestTokens.admin("ops").build()).serialize(), // alg none
        hmacWithThePublicKey.serialize(), // the RS256/HS256 confusion
        "not-a-jwt");

    assertThat(status(good)).isEqualTo(200);
    for (String token : refused) {
      var response = api.as(token).get(ADMIN_ONLY);
      assertThat(response.status()).as(token).isEqualTo(401);
      assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
      assertThat(response.jsonBody().path("code").asString()).isEqualTo("UNAUTHENTICATED");
    }
  }

  @Test
  void noTokenIsAChallengeWithoutAnError() {
    var response = api.anonymous().get(ADMIN_ONLY);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").doesNotContain("error");
  }

  @Test
  void theChallengePointsToProtectedResourceMetadataThatTellsTheTruth() {
    var metadata = api.anonymous().get("/.well-known/oauth-protected-resource");

    assertThat(metadata.status()).isEqualTo(200);
    assertThat(metadata.jsonBody().path("bearer_methods_supported").get(0).asString())
        .isEqualTo("header");
    assertThat(metadata.jsonBody().path("tls_client_certificate_bound_access_tokens").asBoolean())
        .isFalse();
  }

  @Test
  void aCustomerTokenCarriesItsCustomerAndNoAdminRights() {
    RSAKey key = TestTokens.newKey("customer-" + UUID.randomUUID());
    TestTokens.publish(keySet, List.of(key));
    long customer = data.customer();
    Api asCustomer = api.as(TestTokens.sign(key, TestTokens.customer(customer)));

    assertThat(asCustomer.get("/api/v1/orders").status()).isEqualTo(200);
    assertThat(asCustomer.get(ADMIN_ONLY).status()).isEqualTo(403);
  }

  private int statusSignedBy(RSAKey key) {
    return status(TestTokens.sign(key, TestTokens.admin("rotation")));
  }

  private int status(String token) {
    return api.as(token).get(ADMIN_ONLY).status();
  }
}
