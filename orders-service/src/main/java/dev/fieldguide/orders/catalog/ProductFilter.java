package dev.fieldguide.orders.catalog;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The product list's filters: {@code attr.<name>=<value>} pairs (JSONB containment) and a
 * free-text {@code q} (full-text search on the name). Both are bounded, so a request cannot
 * build an arbitrarily expensive query.
 */
record ProductFilter(SortedMap<String, String> attributes, @Nullable String q) {

  static final String ATTRIBUTE_PREFIX = "attr.";
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final int MAX_ATTRIBUTES = 10;
  private static final int MAX_VALUE_LENGTH = 100;
  private static final int MAX_QUERY_LENGTH = 200;

  /** Reads {@code attr.*} from all query parameters and validates both filters. */
  static ProductFilter from(Map<String, List<String>> parameters, @Nullable String q) {
    SortedMap<String, String> attributes = new TreeMap<>();
    parameters.forEach((key, values) -> {
      if (!key.startsWith(ATTRIBUTE_PREFIX)) {
        return;
      }
      String name = key.substring(ATTRIBUTE_PREFIX.length());
      if (!ATTRIBUTE_NAME.matcher(name).matches()) {
        throw new DomainException(Kind.INVALID, "INVALID_FILTER",
            "Attribute names are 1-40 letters, digits, '_' or '-'.");
      }
      if (values.size() != 1 || values.getFirst().length() > MAX_VALUE_LENGTH) {
        throw new DomainException(Kind.INVALID, "INVALID_FILTER",
            "Filter '%s' takes one value of at most %d characters."
                .formatted(key, MAX_VALUE_LENGTH));
      }
      attributes.put(name, values.getFirst());
    });
    if (attributes.size() > MAX_ATTRIBUTES) {
      throw new DomainException(Kind.INVALID, "INVALID_FILTER",
          "At most %d attribute filters per request.".formatted(MAX_ATTRIBUTES));
    }
    if (q != null && (q.isBlank() || q.length() > MAX_QUERY_LENGTH)) {
      throw new DomainException(Kind.INVALID, "INVALID_FILTER",
          "'q' must be 1-%d characters.".formatted(MAX_QUERY_LENGTH));
    }
    return new ProductFilter(attributes, q);
  }

  /**
   * The filters as cursors bind them, one entry per parameter ({@code attr.color}, {@code q}), so
   * a cursor cannot be reused under other filters.
   */
  SortedMap<String, String> canonical() {
    SortedMap<String, String> canonical = new TreeMap<>();
    attributes.forEach((name, value) -> canonical.put(ATTRIBUTE_PREFIX + name, value));
    if (q != null) {
      canonical.put("q", q);
    }
    return canonical;
  }
}
