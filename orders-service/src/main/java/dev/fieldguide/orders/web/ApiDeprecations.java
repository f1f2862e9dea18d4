package dev.fieldguide.orders.web;

import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * D8/A1: which API paths are deprecated, since when, until when, and what replaces them
 * ({@code fieldguide.api.deprecations}).
 */
@ConfigurationProperties("fieldguide.api")
record ApiDeprecations(List<Deprecation> deprecations) {

  public ApiDeprecations {
    deprecations = deprecations == null ? List.of() : List.copyOf(deprecations);
  }

  /**
   * One deprecated path prefix: what replaces it, when it was deprecated, and when it goes.
   *
   * @param path the deprecated path prefix, e.g. {@code /api/v1/orders}
   * @param successor the prefix that replaces it, e.g. {@code /api/v2/orders}
   */
  public record Deprecation(String path, String successor, Instant deprecatedAt, Instant sunset) {

    public Deprecation {
      // RFC 8594: a resource is not expected to disappear before it was even deprecated.
      if (sunset.isBefore(deprecatedAt)) {
        throw new IllegalArgumentException(
            "Sunset of %s (%s) is before its deprecation (%s)".formatted(path, sunset,
                deprecatedAt));
      }
    }
  }
}
