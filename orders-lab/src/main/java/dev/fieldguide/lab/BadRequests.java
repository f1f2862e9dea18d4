package dev.fieldguide.lab;

import dev.fieldguide.fixtures.ErrorFixtures;
import dev.fieldguide.lab.ErrorsLab.BadRequest;
import java.util.List;
import java.util.regex.Pattern;

/** The catalogue of bad inputs the errors lab sends, shared with the tests that prove it. */
final class BadRequests {

  static final String JSON = "application/json";

  static final List<BadRequest> ALL = List.of(
      new BadRequest("malformed JSON", "POST", ErrorFixtures.ECHO, JSON, "{\"customerId\": ",
          400, "MALFORMED_JSON"),
      new BadRequest("wrong type in a field", "POST", ErrorFixtures.ECHO, JSON,
          "{\"customerId\": \"abc\", \"lines\": [{\"productId\": 1, \"quantity\": 1}]}", 400,
          "INVALID_FIELD_TYPE"),
      new BadRequest("invalid fields", "POST", ErrorFixtures.ECHO, JSON,
          "{\"lines\": [{\"productId\": 1, \"quantity\": 0}]}", 400, "VALIDATION_FAILED"),
      new BadRequest("missing body", "POST", ErrorFixtures.ECHO, JSON, "", 400, "MISSING_BODY"),
      new BadRequest("wrong type in the path", "GET", "/api/v1/products/abc", "", "", 400,
          "INVALID_PARAMETER"),
      new BadRequest("unknown product", "GET", "/api/v1/products/987654321", "", "", 404,
          "PRODUCT_NOT_FOUND"),
      new BadRequest("unknown order", "GET", "/api/v1/orders/987654321", "", "", 404,
          "ORDER_NOT_FOUND"),
      new BadRequest("unknown path", "GET", "/api/v1/no-such-thing", "", "", 404, "NOT_FOUND"),
      new BadRequest("wrong content type", "POST", ErrorFixtures.ECHO, "text/plain", "hello", 415,
          "UNSUPPORTED_MEDIA_TYPE"),
      new BadRequest("method not allowed", "DELETE", "/api/v1/products/1", "", "", 405,
          "METHOD_NOT_ALLOWED"),
      new BadRequest("body too large", "POST", ErrorFixtures.ECHO, JSON,
          "{\"note\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}", 413, "CONTENT_TOO_LARGE"),
      new BadRequest("unexpected failure", "GET", ErrorFixtures.BOOM, "", "", 500,
          "INTERNAL_ERROR"),
      // Issue 18: hostile and sloppy clients.
      new BadRequest("query string not UTF-8", "GET", "/api/v1/products?q=%C0%AF", "", "", 400,
          "INVALID_ENCODING"),
      new BadRequest("NUL in a query", "GET", "/api/v1/products?q=%00", "", "", 400,
          "NUL_CHARACTER"),
      new BadRequest("duplicate JSON key", "POST", ErrorFixtures.ECHO, JSON,
          "{\"customerId\": 1, \"customerId\": 2, \"lines\": [{\"productId\": 1, \"quantity\": 1}]}",
          400, "DUPLICATE_JSON_KEY"),
      new BadRequest("float for an integer", "POST", ErrorFixtures.ECHO, JSON,
          "{\"customerId\": 1.5, \"lines\": [{\"productId\": 1, \"quantity\": 1}]}", 400,
          "INVALID_FIELD_TYPE"),
      new BadRequest("wildcard content type", "POST", ErrorFixtures.ECHO, "*/*", "{}", 415,
          "UNSUPPORTED_MEDIA_TYPE"),
      new BadRequest("hexadecimal id", "GET", "/api/v1/products/0x10", "", "", 400,
          "INVALID_PARAMETER"),
      new BadRequest("method-validated parameter", "GET", "/admin/audit?limit=0", "", "", 400,
          "VALIDATION_FAILED"));

  // Traces of internals that must never reach a client.
  private static final Pattern INTERNALS = Pattern.compile(
      "Exception|\\bat [a-z]+\\.[a-z]|SELECT |tools\\.jackson|org\\.springframework|java\\.lang");

  private BadRequests() {}

  static boolean leaksNothing(String body) {
    return !INTERNALS.matcher(body).find();
  }
}
