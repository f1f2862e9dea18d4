package dev.fieldguide.orders.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.TestData;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * PG5: attributes written through the API are checked against the JSON Schema before they reach
 * JSONB; the database's own constraints still hold when the API is bypassed.
 */
@IntegrationTest
class ProductAttributesIntegrationTests {

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
  private static final Map<String, String> ORIGINAL = Map.of("color", "red", "size", "M");

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  StatementCounter statements;

  @Test
  void validAttributesAreStoredAsJsonbAndFoundByContainment() {
    long id = data.product("Schema Mug", 1_500, ORIGINAL);
    String collection = "autumn " + UUID.randomUUID();

    var response = patch(id, """
        {"attributes": {"color": "teal", "size": "XL", "material": "ceramic",
                        "collection": "%s"}}""".formatted(collection));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.jsonBody().path("attributes").path("material").asString())
        .isEqualTo("ceramic");
    assertThat(storedAttributes(id)).isEqualTo("""
        {"size": "XL", "color": "teal", "material": "ceramic", "collection": "%s"}"""
        .formatted(collection));
    JsonNode found = api.get("/api/v1/products?attr.collection="
        + collection.replace(" ", "%20") + "&attr.size=XL").jsonBody();
    assertThat(found.path("items").valueStream().map(p -> p.path("id").asLong()))
        .containsExactly(id);
  }

  record Invalid(String kind, String attributes, String pointer, String message) {

    @Override
    public String toString() {
      return kind;
    }
  }

  static Stream<Invalid> invalidAttributes() {
    String tooMany = IntStream.range(0, 21).mapToObj(i -> "\"key_%d\": \"v\"".formatted(i))
        .collect(Collectors.joining(", ", "{", "}"));
    return Stream.of(
        new Invalid("wrong type", "{\"capacity_ml\": 350}", "/attributes/capacity_ml",
            "integer found, string expected"),
        new Invalid("unknown enum value", "{\"color\": \"mauve\"}", "/attributes/color",
            "does not have a value in the enumeration"),
        new Invalid("too long", "{\"note\": \"%s\"}".formatted("x".repeat(101)),
            "/attributes/note", "must be at most 100 characters long"),
        new Invalid("badly named key", "{\"Colour\": \"red\"}", "/attributes/Colour",
            "does not match the regex pattern"),
        new Invalid("too many properties", tooMany, "/attributes",
            "must have at most 20 properties"),
        new Invalid("nested object", "{\"dimensions\": {\"width_cm\": \"30\"}}",
            "/attributes/dimensions", "object found, string expected"),
        new Invalid("null value", "{\"note\": null}", "/attributes/note",
            "null found, string expected"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidAttributes")
  void invalidAttributesAreA400WithAPointerAndNothingIsWritten(Invalid invalid) {
    long id = data.product("Untouched Lamp", 2_000, ORIGINAL);
    String before = storedAttributes(id);
    statements.reset();

    var response = patch(id, """
        {"name": "Renamed", "priceCents": 1, "attributes": %s}""".formatted(invalid.attributes()));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = response.jsonBody();
    assertThat(problem.path("code").asString()).isEqualTo("VALIDATION_FAILED");
    assertThat(problem.path("errors").valueStream()
        .filter(e -> e.path("pointer").asString().equals(invalid.pointer())))
        .singleElement()
        .satisfies(e -> assertThat(e.path("message").asString()).contains(invalid.message()));
    assertThat(statements.executed()).as("no statement touched products")
        .noneMatch(s -> s.sql().toLowerCase(Locale.ROOT).contains("products"));
    assertThat(storedAttributes(id)).isEqualTo(before);
    assertThat(jdbc.sql("SELECT name || ' ' || price_cents FROM products WHERE id = ?").param(id)
        .query(String.class).single()).isEqualTo("Untouched Lamp 2000");
  }

  @Test
  void everyViolationInOneBodyIsListed() {
    long id = data.product("Many Faults", 900, ORIGINAL);

    var response = patch(id, """
        {"attributes": {"color": "mauve", "size": 4, "Weight": "1 kg"}}""");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.jsonBody().path("errors").valueStream()
        .map(e -> e.path("pointer").asString()).distinct())
        .containsExactlyInAnyOrder("/attributes/color", "/attributes/size", "/attributes/Weight");
  }

  /**
   * The schema lives in the application, so anything that writes around it (a script, a manual
   * fix, another service) is held only by the table's constraints: they still refuse a
   * non-object, a negative price, a price above the bound (V24) and a duplicate SKU, which no
   * schema on a single document can check.
   */
  @Test
  void theDatabaseConstraintsHoldWhenTheApplicationIsBypassed() {
    long id = data.product("Bypassed Desk", 5_000, ORIGINAL);
    String sku = jdbc.sql("SELECT sku FROM products WHERE id = ?").param(id)
        .query(String.class).single();

    assertThatThrownBy(() -> jdbc.sql("UPDATE products SET attributes = ?::jsonb WHERE id = ?")
        .params("[\"red\", \"M\"]", id).update())
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("products_attributes_is_object");
    assertThatThrownBy(() -> jdbc.sql("UPDATE products SET price_cents = -1 WHERE id = ?")
        .param(id).update())
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("products_price_not_negative");
    assertThatThrownBy(() -> jdbc.sql("UPDATE products SET price_cents = ? WHERE id = ?")
        .params(Product.MAX_PRICE_CENTS + 1, id).update())
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("products_price_bounded");
    assertThatThrownBy(() -> jdbc.sql("""
        INSERT INTO products (sku, name, price_cents, stock) VALUES (?, 'Copy', 1, 1)""")
        .param(sku).update())
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("products_sku_key");
    // What the schema would refuse, the table accepts: the schema guards the API, not the table.
    jdbc.sql("UPDATE products SET attributes = '{\"color\": \"mauve\"}' WHERE id = ?").param(id)
        .update();
    assertThat(storedAttributes(id)).isEqualTo("{\"color\": \"mauve\"}");
  }

  private Api.Response patch(long id, String body) {
    return api.send("PATCH", "/api/v1/products/" + id, HttpRequest.BodyPublishers.ofString(body),
        JSON);
  }

  private String storedAttributes(long id) {
    return jdbc.sql("SELECT attributes::text FROM products WHERE id = ?").param(id)
        .query(String.class).single();
  }
}
