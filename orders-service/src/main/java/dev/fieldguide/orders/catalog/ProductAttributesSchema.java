package dev.fieldguide.orders.catalog;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.fieldguide.orders.errors.FieldProblem;
import dev.fieldguide.orders.errors.ValidationFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * PG5: the JSON Schema that product attributes must satisfy before they reach the JSONB column.
 *
 * <p>The schema file is read and compiled once, when the bean is created (a broken schema stops the
 * application starting, not a request); validating is then a walk over the compiled keywords.
 * Each violation becomes a {@link FieldProblem} whose JSON Pointer names the bad member of the
 * request body.
 */
@Component
class ProductAttributesSchema {

  static final String LOCATION = "schemas/product-attributes.schema.json";
  private static final String BODY_MEMBER = "attributes";

  /**
   * A plain mapper, not the application's: that one drops null members on output
   * ({@code default-property-inclusion: non_null}), which would hide {@code {"note": null}} from
   * the schema and let it reach the entity.
   */
  private final JsonMapper json = JsonMapper.builder().build();
  private final Schema schema;

  ProductAttributesSchema() {
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .locale(Locale.ENGLISH) // messages must not depend on the server's locale
        .build();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(config));
    try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
      this.schema = registry.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + LOCATION, e);
    }
    schema.initializeValidators(); // compile every keyword now, not on the first request
  }

  /** Throws a 400 listing every violation; returns normally when the attributes are valid. */
  void check(Map<String, Object> attributes) {
    List<FieldProblem> problems = violations(attributes);
    if (!problems.isEmpty()) {
      throw new ValidationFailedException(problems);
    }
  }

  /** Every violation of the schema, in the order the validator reports them. */
  List<FieldProblem> violations(Map<String, Object> attributes) {
    return schema.validate(json.valueToTree(attributes)).stream()
        .map(ProductAttributesSchema::toFieldProblem)
        .toList();
  }

  private static FieldProblem toFieldProblem(Error error) {
    List<String> path = new ArrayList<>();
    NodePath location = error.getInstanceLocation(); // empty for the attributes object itself
    for (int i = 0; i < location.getNameCount(); i++) {
      path.add(String.valueOf(location.getElement(i)));
    }
    // A bad key name is reported at the object; point at the offending member instead.
    String property = error.getProperty();
    if (property != null && isAboutAKey(error.getKeyword())) {
      path.add(property);
    }
    var pointer = new StringBuilder("/" + BODY_MEMBER);
    var field = new StringBuilder(BODY_MEMBER);
    for (String name : path) {
      pointer.append('/').append(escape(name));
      field.append('[').append(name).append(']');
    }
    return new FieldProblem(field.toString(), error.getMessage(), pointer.toString());
  }

  private static boolean isAboutAKey(String keyword) {
    return keyword.equals("propertyNames") || keyword.equals("additionalProperties");
  }

  /** RFC 6901 §3: '~' and '/' inside a member name are written '~0' and '~1'. */
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
