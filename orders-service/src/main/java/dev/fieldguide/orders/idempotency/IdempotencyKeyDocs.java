package dev.fieldguide.orders.idempotency;

import dev.fieldguide.orders.web.ApiDocs;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * A2 in the OpenAPI document: the {@code Idempotency-Key} header on exactly the operations the
 * filter handles it on, required where the filter requires it (both ask
 * {@link IdempotencyProperties}), with the replay header and the two refusals of a reused key.
 */
class IdempotencyKeyDocs implements OpenApiCustomizer {

  private final IdempotencyProperties properties;

  IdempotencyKeyDocs(IdempotencyProperties properties) {
    this.properties = properties;
  }

  @Override
  public void customise(OpenAPI api) {
    String remembered = "Remembered for %d h, per caller.".formatted(properties.ttl().toHours());
    ApiDocs.operations(api)
        .filter(operation -> properties.takesKey(operation.method().name(), operation.path()))
        .forEach(operation -> {
          boolean required = properties.requiresKey(operation.method().name(), operation.path());
          operation.operation().addParametersItem(new HeaderParameter()
              .name(IdempotencyKeyFilter.HEADER).required(required)
              // The filter's own pattern; a key may come quoted, as a structured-field string.
              .schema(ApiDocs.schema("string")
                  .pattern("^\"?" + IdempotencyKeys.KEY.pattern() + "\"?$"))
              .example("4f1d2c4e-8a53-4a5e-9a0b-2f0f3c1a7d11")
              .description("""
                  A key of the client's choosing (a UUID will do): a repeat with the same key \
                  and body replays the first answer instead of acting twice. %s""".formatted(
                  remembered)));
          operation.successes().forEach(response -> ApiDocs.header(response,
              IdempotencyKeyFilter.REPLAYED, "`true` when this is the stored answer to an "
                  + "earlier request with the same key.",
              ApiDocs.schema("boolean")));
          operation.problem(409, "A request with this Idempotency-Key is still running; "
              + "retry after `Retry-After` seconds.");
          operation.problem(422, "This Idempotency-Key was used with a different body.");
        });
  }
}
