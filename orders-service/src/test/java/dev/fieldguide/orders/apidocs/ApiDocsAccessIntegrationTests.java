package dev.fieldguide.orders.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * T2 outside prod: anyone may read the API document and open Swagger UI, whose pages get a
 * Content-Security-Policy that lets their own scripts and styles load; every other response
 * keeps {@code default-src 'none'}. (Prod serves neither: {@code ProdProfileIntegrationTests}.)
 */
@IntegrationTest
class ApiDocsAccessIntegrationTests {

  @Autowired
  Api api;

  @Test
  void anyoneMayReadTheDocumentAndItsSwaggerUiConfiguration() {
    var document = api.anonymous().get("/v3/api-docs");
    var configuration = api.anonymous().get("/v3/api-docs/swagger-config");

    assertThat(document.status()).isEqualTo(200);
    assertThat(document.jsonBody().path("openapi").asString()).isEqualTo("3.1.0");
    assertThat(configuration.status()).isEqualTo(200);
    assertThat(configuration.jsonBody().path("url").asString()).isEqualTo("/v3/api-docs");
  }

  @Test
  void swaggerUiMayLoadOnlyItsOwnScriptsStylesAndImages() {
    var page = api.anonymous().get("/swagger-ui/index.html", Map.of("Accept", "text/html"));
    var script = api.anonymous().get("/swagger-ui/swagger-ui-bundle.js");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui-bundle.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(page.header("Content-Security-Policy")).isEqualTo("default-src 'none'; "
        + "script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void theApiItselfKeepsTheStrictPolicy() {
    var product = api.anonymous().get("/api/v1/products?limit=1");
    var document = api.anonymous().get("/v3/api-docs");

    assertThat(product.header("Content-Security-Policy")).startsWith("default-src 'none'; "
        + "frame-ancestors");
    assertThat(document.header("Content-Security-Policy")).startsWith("default-src 'none'; "
        + "frame-ancestors");
  }
}
