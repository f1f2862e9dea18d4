package dev.fieldguide.orders.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.errors.FieldProblem;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PG5: what the product-attributes JSON Schema accepts and how each violation is reported: one
 * entry per violation, a JSON Pointer into the request body, the field in bean-path form.
 */
class ProductAttributesSchemaTests {

  private final ProductAttributesSchema schema = new ProductAttributesSchema();

  @Test
  void acceptsKnownKeysWithKnownValuesAndWellNamedShortStrings() {
    assertThat(schema.violations(Map.of("color", "red", "size", "XL", "material", "oak",
        "collection", "Autumn 2026"))).isEmpty();
    assertThat(schema.violations(Map.of())).isEmpty();
  }

  @Test
  void aValueOfTheWrongTypeIsPointedAt() {
    assertThat(pointersAndMessages(Map.of("capacity_ml", 350)))
        .containsExactly("/attributes/capacity_ml integer found, string expected");
  }

  @Test
  void aKnownKeyOutsideItsEnumerationIsPointedAt() {
    List<FieldProblem> problems = schema.violations(Map.of("size", "XXXL"));

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.pointer()).isEqualTo("/attributes/size");
      assertThat(p.field()).isEqualTo("attributes[size]");
      assertThat(p.message()).startsWith("does not have a value in the enumeration");
    });
  }

  @Test
  void aNullValueIsRejectedNotStored() {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("note", null);

    assertThat(pointersAndMessages(attributes))
        .containsExactly("/attributes/note null found, string expected");
  }

  @Test
  void aBadlyNamedKeyIsPointedAtWithItsNameEscaped() {
    List<FieldProblem> problems = schema.violations(Map.of("Bad/Key", "x"));

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.pointer()).isEqualTo("/attributes/Bad~1Key");
      assertThat(p.field()).isEqualTo("attributes[Bad/Key]");
    });
  }

  @Test
  void tooLongNestedAndTooManyAreEachRejected() {
    Map<String, Object> many = new LinkedHashMap<>();
    for (int i = 0; i < 21; i++) {
      many.put("key_" + i, "v");
    }

    assertThat(pointersAndMessages(Map.of("note", "x".repeat(101))))
        .containsExactly("/attributes/note must be at most 100 characters long");
    assertThat(pointersAndMessages(Map.of("dimensions", Map.of("width", "30"))))
        .containsExactly("/attributes/dimensions object found, string expected");
    assertThat(pointersAndMessages(many))
        .containsExactly("/attributes must have at most 20 properties");
  }

  @Test
  void everyViolationIsListedNotJustTheFirst() {
    assertThat(schema.violations(Map.of("size", "XXXL", "note", "", "Weight", "1 kg")))
        .extracting(FieldProblem::pointer)
        .containsExactlyInAnyOrder("/attributes/size", "/attributes/note", "/attributes/Weight");
  }

  private List<String> pointersAndMessages(Map<String, Object> attributes) {
    return schema.violations(attributes).stream().map(p -> p.pointer() + " " + p.message())
        .toList();
  }
}
