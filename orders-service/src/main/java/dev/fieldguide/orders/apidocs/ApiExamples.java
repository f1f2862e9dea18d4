package dev.fieldguide.orders.apidocs;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;

/**
 * Examples for the main operations, from {@code openapi/examples.json}: per {@code "METHOD
 * /path"}, a request body and answers by status. An example for an operation or answer the API
 * does not have fails the document (and so the contract test) instead of being dropped; the
 * linter checks each example against its schema.
 */
class ApiExamples implements OpenApiCustomizer {

  static final String RESOURCE = "openapi/examples.json";

  @Override
  public void customise(OpenAPI api) {
    read().properties().forEach(entry -> {
      String[] target = entry.getKey().split(" ", 2);
      Operation operation = operation(api, target[0], target[1]);
      JsonNode examples = entry.getValue();
      if (examples.has("request")) {
        example(operation.getRequestBody() == null
            ? null
            : operation.getRequestBody()
                .getContent(),
            examples.get("request"), entry.getKey() + " request");
      }
      examples.path("responses").properties().forEach(response -> {
        ApiResponse answer = operation.getResponses().get(response.getKey());
        example(answer == null ? null : answer.getContent(), response.getValue(),
            entry.getKey() + " " + response.getKey());
      });
    });
  }

  private static Operation operation(OpenAPI api, String method, String path) {
    PathItem item = api.getPaths().get(path);
    @Nullable Operation operation = item == null
        ? null
        : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.toUpperCase(
            Locale.ROOT)));
    if (operation == null) {
      throw new IllegalStateException(RESOURCE + ": no operation " + method + " " + path);
    }
    return operation;
  }

  private static void example(@Nullable Content content, JsonNode value, String what) {
    if (content == null || content.isEmpty()) {
      throw new IllegalStateException(RESOURCE + ": no body to exemplify at " + what);
    }
    content.values().forEach(media -> media.example(value));
  }

  private static JsonNode read() {
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      return Json31.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
