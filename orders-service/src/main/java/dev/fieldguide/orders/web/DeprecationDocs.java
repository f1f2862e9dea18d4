package dev.fieldguide.orders.web;

import io.swagger.v3.oas.models.OpenAPI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * D8 in the OpenAPI document: the operations under a deprecated path
 * ({@code fieldguide.api.deprecations}) are marked deprecated, with their sunset and successor,
 * and their answers carry the headers {@link DeprecationHeaders} sends.
 */
@Component
class DeprecationDocs implements OpenApiCustomizer {

  private final ApiDeprecations apis;

  DeprecationDocs(ApiDeprecations apis) {
    this.apis = apis;
  }

  @Override
  public void customise(OpenAPI api) {
    for (ApiDeprecations.Deprecation deprecation : apis.deprecations()) {
      String note = "Deprecated since %s; gone after %s (sunset). Use `%s` instead.".formatted(
          day(deprecation.deprecatedAt()), day(deprecation.sunset()), deprecation.successor());
      ApiDocs.operations(api).filter(operation -> operation.path().equals(deprecation.path())
          || operation.path().startsWith(deprecation.path() + "/")).forEach(operation -> {
            String given = operation.operation().getDescription();
            operation.operation().deprecated(true)
                .description(given == null ? note : given + "\n\n" + note);
            operation.successes().forEach(response -> {
              ApiDocs.header(response, "Deprecation", "When this API was deprecated "
                  + "(RFC 9745), e.g. `@1793491200`.", ApiDocs.schema("string"));
              ApiDocs.header(response, "Sunset", "When it goes (RFC 8594), an HTTP-date.",
                  ApiDocs.schema("string"));
              ApiDocs.header(response, "Link", "The same resource in its successor, "
                  + "`rel=\"successor-version\"`.", ApiDocs.schema("string"));
            });
          });
    }
  }

  private static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
