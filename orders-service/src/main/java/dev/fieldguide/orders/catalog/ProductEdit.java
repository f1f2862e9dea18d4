package dev.fieldguide.orders.catalog;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /api/v1/products/{id}}: each field present is changed, each absent one
 * is kept. Stock is not editable here; orders own it. {@code attributes} replaces the whole
 * object and must satisfy {@code schemas/product-attributes.schema.json}.
 */
record ProductEdit(
    // @NotBlank would also reject an absent name; this only rejects a present, blank one.
    @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 200) @Nullable String name,
    @PositiveOrZero @Max(Product.MAX_PRICE_CENTS) @Nullable Long priceCents,
    // Shape, size and values of the attributes are the JSON Schema's job (ProductAttributesSchema).
    @Nullable Map<String, Object> attributes) {

  @AssertTrue(message = "must change at least one of name, priceCents, attributes") boolean isChangingSomething() {
    return name != null || priceCents != null || attributes != null;
  }
}
