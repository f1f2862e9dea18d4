package dev.fieldguide.orders.ratelimit;

import dev.fieldguide.orders.web.ApiDocs;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpHeaders;

/**
 * R4 in the OpenAPI document: the operations a policy limits (asked of the filter's own
 * {@link PolicyRoutes}) carry the RateLimit headers on every answer, and may be refused with 429
 * and {@code Retry-After}.
 */
class RateLimitDocs implements OpenApiCustomizer {

  private final PolicyRoutes routes;

  RateLimitDocs(RateLimitProperties properties) {
    this.routes = new PolicyRoutes(properties.toPolicies());
  }

  @Override
  public void customise(OpenAPI api) {
    ApiDocs.operations(api).filter(operation -> routes.policyFor(operation.path()).isPresent())
        .forEach(operation -> {
          ApiResponse refused = operation.problem(429, "The caller's bucket for this route is "
              + "empty; retry after `Retry-After` seconds.");
          ApiDocs.header(refused, HttpHeaders.RETRY_AFTER, "Seconds until a token is back.",
              ApiDocs.schema("integer"));
          operation.successes().forEach(RateLimitDocs::headers);
          headers(refused);
        });
  }

  private static void headers(ApiResponse response) {
    ApiDocs.header(response, RateLimitHeaders.POLICY, "The policy (IETF httpapi draft): "
        + "`\"<name>\";q=<capacity>;w=<seconds to refill>`.", ApiDocs.schema("string"));
    ApiDocs.header(response, RateLimitHeaders.STATE, "What is left (IETF httpapi draft): "
        + "`\"<name>\";r=<remaining>;t=<seconds until full>`.", ApiDocs.schema("string"));
    ApiDocs.header(response, RateLimitHeaders.LIMIT, "The bucket's capacity.",
        ApiDocs.schema("integer"));
    ApiDocs.header(response, RateLimitHeaders.REMAINING, "Tokens left.",
        ApiDocs.schema("integer"));
    ApiDocs.header(response, RateLimitHeaders.RESET, "Seconds until the bucket is full.",
        ApiDocs.schema("integer"));
  }
}
