package dev.fieldguide.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.ContainerServices;
import dev.fieldguide.orders.support.SetCookies;
import dev.fieldguide.orders.support.TestData;
import dev.fieldguide.orders.support.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The {@code prod} profile: no demo surface (labs, fixtures, dev tokens, GraphQL introspection or
 * the lab's schema extension), tokens only from the identity provider's published keys (a key-set
 * file here), HTTPS required, and forwarded headers believed only from trusted proxies. The one
 * test with its own Spring context, since the profile is the thing under test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "prod"})
@Import({ContainerServices.class, Api.class, TestData.class})
@DirtiesContext // release its pool at once; no other class can reuse this context
class ProdProfileIntegrationTests {

  private static final RSAKey IDENTITY_PROVIDER = TestTokens.newKey("idp-2026-11");
  private static final Map<String, String> VIA_TLS_PROXY = Map.of("X-Forwarded-Proto", "https");

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) throws IOException {
    Path keys = Files.createTempDirectory("prod-profile").resolve("jwks.json");
    TestTokens.publish(keys, List.of(IDENTITY_PROVIDER));
    // What the deployment's environment provides (FIELDGUIDE_* variables, a mounted key set).
    registry.add("fieldguide.cursor.secret", () -> "prod-profile-test");
    registry.add("fieldguide.security.issuer", () -> TestTokens.ISSUER);
    registry.add("fieldguide.security.jwk-set-file", keys::toString);
    registry.add("fieldguide.security.allowed-hosts", () -> "127.0.0.1");
  }

  @Autowired
  Api api;

  @Autowired
  TestData data;

  private Api admin() {
    return api.as(TestTokens.sign(IDENTITY_PROVIDER, TestTokens.admin("ops")));
  }

  @Test
  void labEndpointsDoNotExist() {
    assertThat(admin().get("/lab/errors", VIA_TLS_PROXY).status()).isEqualTo(404);
    assertThat(admin().get("/lab/fixtures/boom", VIA_TLS_PROXY).status()).isEqualTo(404);
  }

  @Test
  void thereIsNoApiDocumentNorSwaggerUi() {
    for (String path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html",
        "/swagger-ui/index.html", "/webjars/swagger-ui/index.html")) {
      assertThat(api.anonymous().get(path, VIA_TLS_PROXY).status()).as(path).isIn(401, 404);
      assertThat(admin().get(path, VIA_TLS_PROXY).status()).as(path).isEqualTo(404);
    }
  }

  @Test
  void thereIsNoDevTokenIssuer() {
    var response = api.anonymous().post("/dev/tokens", "{\"role\": \"admin\"}",
        Map.of("Content-Type", "application/json", "X-Forwarded-Proto", "https"));

    assertThat(response.status()).isEqualTo(404);
  }

  @Test
  void theIdentityProvidersTokensAreAcceptedAndNoOthers() {
    var mine = admin().get("/admin/audit?limit=1", VIA_TLS_PROXY);
    var forged = api.as(TestTokens.sign(TestTokens.newKey("idp-2026-11"),
        TestTokens.admin("ops"))).get("/admin/audit?limit=1", VIA_TLS_PROXY);

    assertThat(mine.status()).isEqualTo(200);
    assertThat(forged.status()).as("same kid, another key").isEqualTo(401);
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
    var response = api.anonymous().get("/api/v1/products/abc", VIA_TLS_PROXY);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void plainHttpIsRedirectedToHttps() {
    var response = api.anonymous().get("/api/v1/products/1");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).isEqualTo("https://127.0.0.1:443/api/v1/products/1");
  }

  @Test
  void aTrustedProxysHttpsIsBelievedAndGetsHsts() {
    var response = api.anonymous().get("/api/v1/products?limit=1", VIA_TLS_PROXY);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Strict-Transport-Security"))
        .isEqualTo("max-age=31536000 ; includeSubDomains");
  }

  @Test
  void behindATlsProxyTheSessionAndCsrfCookiesAreSecure() {
    long product = data.aProduct().named("Secure cookie lamp").withStock(1).create();
    var read = api.anonymous().get("/api/v1/shortlist", VIA_TLS_PROXY);
    String csrf = SetCookies.csrfToken(read);

    var added = api.anonymous().post("/api/v1/shortlist", "{\"productId\": %d}".formatted(product),
        Map.of("Content-Type", "application/json", "X-Forwarded-Proto", "https",
            "Cookie", "XSRF-TOKEN=" + csrf, SetCookies.CSRF_HEADER, csrf));

    assertThat(added.status()).isEqualTo(200);
    assertThat(SetCookies.named(read, "XSRF-TOKEN=")).singleElement().asString()
        .contains("; Secure");
    assertThat(SetCookies.named(added, "SESSION=")).singleElement().asString()
        .contains("; Secure", "; HttpOnly");
  }

  @Test
  void anUntrustedClaimOfHttpsIsIgnored() throws Exception {
    // 127.0.0.2 is this host too, but not in server.tomcat.remoteip.internal-proxies.
    HttpClient untrusted = HttpClient.newBuilder()
        .localAddress(InetAddress.getByName("127.0.0.2")).build();
    var request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/products?limit=1"))
        .header("X-Forwarded-Proto", "https").build();

    HttpResponse<String> response = send(untrusted, request);

    assertThat(response.statusCode()).as("still plain HTTP: redirected").isEqualTo(302);
    assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode graphQl(String document) {
    return admin().post("/graphql", "{\"query\": \"%s\"}".formatted(document),
        Map.of("Content-Type", "application/json", "X-Forwarded-Proto", "https")).jsonBody();
  }
}
