package dev.fieldguide.orders.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * T2 and D3 in the OpenAPI document: every {@link PageResponse} schema says its {@code nextCursor}
 * is always present and null on the last page, and the list operations that answer with one say
 * what {@code limit} and {@code cursor} mean.
 */
@Component
class PageDocs implements OpenApiCustomizer {

  private static final List<String> COMPONENTS = Arrays
      .stream(PageResponse.class.getRecordComponents()).map(RecordComponent::getName).toList();
  private static final String NEXT_CURSOR = "nextCursor";
  private static final String SCHEMAS = "#/components/schemas/";

  @Override
  public void customise(OpenAPI api) {
    Set<String> pages = new HashSet<>();
    api.getComponents().getSchemas().forEach((name, schema) -> {
      if (isPage(schema)) {
        pages.add(name);
        describe(schema);
      }
    });
    ApiDocs.operations(api).filter(operation -> operation.successes()
        .flatMap(response -> response.getContent() == null
            ? Stream.empty()
            : response.getContent().values().stream())
        .map(media -> media.getSchema() == null ? null : media.getSchema().get$ref())
        .filter(Objects::nonNull)
        .anyMatch(ref -> pages.contains(ref.substring(SCHEMAS.length()))))
        .forEach(operation -> describeParameters(operation.operation().getParameters()));
  }

  private static boolean isPage(Schema<?> schema) {
    return schema.getProperties() != null
        && schema.getProperties().keySet().equals(Set.copyOf(COMPONENTS));
  }

  private static void describe(Schema<?> page) {
    // Always written, null on the last page (PageResponse's @JsonInclude(ALWAYS)).
    page.required(COMPONENTS).description("One page of a list, in keyset order.");
    Objects.requireNonNull(page.getProperties().get("items"))
        .setDescription("This page's items; at most `limit`.");
    page.getProperties().put(NEXT_CURSOR, ApiDocs.schema("string", "null").description(
        "Pass as `cursor` for the next page; null on the last page. Opaque and signed."));
  }

  private static void describeParameters(List<Parameter> parameters) {
    if (parameters == null) {
      return;
    }
    for (Parameter parameter : parameters) {
      switch (parameter.getName()) {
        case "limit" -> parameter.description("Items per page.");
        case "cursor" -> parameter.description("The previous page's `nextCursor`; omit it for "
            + "the first page. A cursor is valid only for the list and filters that made it.");
        default -> {
          // the list's own filters, described by their controllers
        }
      }
    }
  }
}
