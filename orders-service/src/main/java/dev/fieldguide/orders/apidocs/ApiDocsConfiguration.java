package dev.fieldguide.orders.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * The document's own fields: title, the API's version ({@code fieldguide.api.version}) and a
 * relative server, so the document reads the same wherever it is served (and in the file); the
 * operation and schema names; and the examples.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

  static {
    // Free-form JSON (a job's arguments) is any JSON value, not the JsonNode class's getters.
    SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class,
        new JsonSchema().description("Any JSON value."));
  }

  @Bean
  OpenAPI fieldGuideApi(@Value("${fieldguide.api.version}") String version) {
    return new OpenAPI()
        .info(new Info().title("Field Guide orders API").version(version)
            .summary("Orders, products and their operators' functions, over REST.")
            .description("""
                Every error is an RFC 9457 `application/problem+json` answer with a stable \
                `code` and the `traceId` to quote. Lists are pages of `{items, nextCursor}`: \
                pass `nextCursor` back as `cursor` until it is null. POSTs under `/api/` take \
                an `Idempotency-Key`; the routes that require one say so."""))
        .servers(List.of(new Server().url("/").description("where this document is served")));
  }

  @Bean
  OperationNames operationNames() {
    return new OperationNames();
  }

  @Bean
  NestedTypeNames nestedTypeNames() {
    return new NestedTypeNames();
  }

  @Bean
  ApiExamples apiExamples() {
    return new ApiExamples();
  }
}
