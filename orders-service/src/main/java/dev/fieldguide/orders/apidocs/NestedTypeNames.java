package dev.fieldguide.orders.apidocs;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * Names the schema of a nested type after its enclosing type too, as Java does:
 * {@code OrderResponse.Line}. By simple name, the three records called {@code Line} (an order's,
 * a version 2 order's and a new order's) would share one schema, whichever was read first.
 */
class NestedTypeNames implements ModelConverter {

  @Override
  public @Nullable Schema<?> resolve(AnnotatedType type, ModelConverterContext context,
      Iterator<ModelConverter> chain) {
    if (type.getName() == null || type.getName().isBlank()) {
      Class<?> raw = Json31.mapper().constructType(type.getType()).getRawClass();
      Class<?> enclosing = raw.getEnclosingClass();
      if (enclosing != null && !raw.isEnum()) {
        type.setName(enclosing.getSimpleName() + "." + raw.getSimpleName());
      }
    }
    return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
  }
}
