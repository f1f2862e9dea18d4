package dev.fieldguide.orders.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * D6: the browser-facing settings. Security headers on every answer, HSTS only over HTTPS (as a
 * trusted proxy reports it), CORS for allowlisted origins only, and the Host allowlist.
 */
@IntegrationTest
class SecuritySettingsIntegrationTests {

  private static final String ALLOWED_ORIGIN = "http://localhost:3000";

  @Autowired
  Api api;

  @Test
  void everyAnswerCarriesTheSecurityHeaders() {
    var response = api.anonymous().get("/api/v1/products?limit=1");

    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.header("Content-Security-Policy"))
        .isEqualTo(
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(response.header("Strict-Transport-Security")).as("plain HTTP: no HSTS").isEmpty();
  }

  @Test
  void httpsReportedByATrustedProxyGetsHsts() {
    var response = api.anonymous().get("/api/v1/products?limit=1",
        Map.of("X-Forwarded-Proto", "https"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Strict-Transport-Security"))
        .isEqualTo("max-age=31536000 ; includeSubDomains");
  }

  @Test
  void anAllowlistedOriginsPreflightIsAnsweredAndAForeignOneRefused() {
    var allowed = preflight(ALLOWED_ORIGIN);
    var foreign = preflight("https://evil.example");

    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
    assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");
    assertThat(allowed.header("Access-Control-Allow-Headers").toLowerCase(java.util.Locale.ROOT))
        .contains("authorization", "idempotency-key");
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.header("Access-Control-Allow-Origin")).isEmpty();
    assertThat(foreign.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(foreign.jsonBody().path("code").asString()).isEqualTo("CORS_ORIGIN_NOT_ALLOWED");
    assertThat(foreign.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void aForeignOriginsSimpleRequestGetsNoCorsGrant() {
    var response = api.anonymous().get("/api/v1/products?limit=1",
        Map.of("Origin", "https://evil.example"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void anUnexpectedHostIsA400AndAnAllowedOneIsServed() {
    String refused = rawGet("/api/v1/products?limit=1", "evil.example");
    String allowedWithPort = rawGet("/api/v1/products?limit=1",
        "localhost:" + api.base().getPort());
    String probe = rawGet("/actuator/health/liveness", "10.1.2.3:8080");

    assertThat(refused).startsWith("HTTP/1.1 400").contains("application/problem+json")
        .contains("\"code\":\"HOST_NOT_ALLOWED\"")
        // refused before Spring Security's chain, and still with the security headers
        .contains("X-Content-Type-Options: nosniff", "X-Frame-Options: DENY");
    assertThat(allowedWithPort).startsWith("HTTP/1.1 200");
    assertThat(probe).as("probes address a pod by IP").startsWith("HTTP/1.1 200");
  }

  private Api.Response preflight(String origin) {
    return api.anonymous().send("OPTIONS", "/api/v1/orders",
        java.net.http.HttpRequest.BodyPublishers.noBody(),
        Map.of("Origin", origin, "Access-Control-Request-Method", "POST",
            "Access-Control-Request-Headers", "authorization,content-type,idempotency-key"));
  }

  /** A request with a chosen Host header, which java.net.http will not let a caller set. */
  private String rawGet(String path, String host) {
    try (Socket socket = new Socket(api.base().getHost(), api.base().getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
