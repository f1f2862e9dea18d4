package dev.fieldguide.orders.web;

import dev.fieldguide.orders.errors.FieldProblem;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * T2 and A5 in the OpenAPI document: the problem schema (RFC 9457's members plus {@code code},
 * {@code traceId} and {@code errors[]}, from {@link Problems}), a problem as every operation's
 * {@code default} answer, and the refusals this module's filters and handlers make of any
 * request (400), a path that names nothing (404) and a body (413, 415).
 */
@Component
class ProblemDocs implements OpenApiCustomizer {

  private static final String FIELD_PROBLEM = FieldProblem.class.getSimpleName();

  @Override
  public void customise(OpenAPI api) {
    api.getComponents().addSchemas(ApiDocs.PROBLEM_SCHEMA, problem());
    api.getComponents().addSchemas(FIELD_PROBLEM, fieldProblem());
    ApiDocs.operations(api).forEach(operation -> {
      operation.responses().addApiResponse("default", ApiDocs.problemResponse(
          "Any other refusal or failure, as a problem; `code` says which."));
      operation.problem(400, "The request breaks a rule of its syntax, its parameters, its "
          + "headers or its body; `code` names the rule and `errors[]` the fields at fault.");
      List<Parameter> parameters = operation.operation().getParameters();
      if (parameters != null && parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
        operation.problem(404, "Nothing exists at this path (or it is not the caller's).");
      }
      if (operation.operation().getRequestBody() != null) {
        operation.problem(413, "The body is larger than the service accepts.");
        operation.problem(415, "The body is not declared `application/json`.");
      }
    });
  }

  private static Schema<Object> problem() {
    Schema<Object> problem = ApiDocs.described("object",
        "An error answer, RFC 9457, with this service's members.");
    problem.setRequired(List.of("type", "title", "status", Problems.CODE, Problems.TRACE_ID));
    Schema<Object> type = ApiDocs.described("string",
        "`about:blank`: the status says what kind of error it is.");
    type.setFormat("uri-reference");
    problem.addProperty("type", type);
    problem.addProperty("title", ApiDocs.described("string", "The status's reason phrase."));
    Schema<Object> status = ApiDocs.described("integer", "The HTTP status, repeated.");
    status.setMinimum(BigDecimal.valueOf(400));
    status.setMaximum(BigDecimal.valueOf(599));
    problem.addProperty("status", status);
    problem.addProperty("detail", ApiDocs.described("string",
        "A sentence for people; it may change between releases."));
    Schema<Object> instance = ApiDocs.described("string", "The path of the request that failed.");
    instance.setFormat("uri-reference");
    problem.addProperty("instance", instance);
    problem.addProperty(Problems.CODE, ApiDocs.described("string",
        "The rule that refused the request, stable across releases: match on this."));
    problem.addProperty(Problems.TRACE_ID, ApiDocs.described("string",
        "The request's trace id, to quote in a support ticket."));
    Schema<Object> errors = ApiDocs.described("array",
        "One entry per field at fault, on validation failures.");
    errors.setItems(new JsonSchema().$ref("#/components/schemas/" + FIELD_PROBLEM));
    problem.addProperty(Problems.ERRORS, errors);
    problem.setExamples(List.of(Map.of("type", "about:blank", "title", "Bad Request",
        "status", 400, "detail", "The request has 1 invalid field(s).", "instance",
        "/api/v1/orders", Problems.CODE, "VALIDATION_FAILED", Problems.TRACE_ID,
        "4bf92f3577b34da6a3ce929d0e0e4736", Problems.ERRORS,
        List.of(Map.of("field", "lines[0].quantity", "message", "must be greater than 0")))));
    return problem;
  }

  /** Read from the record itself, so a renamed component shows up in the contract. */
  private static Schema<?> fieldProblem() {
    Schema<?> schema = ModelConverters.getInstance(true)
        .readAllAsResolvedSchema(FieldProblem.class).schema;
    schema.setDescription("One field at fault: its name, what is wrong, and where a name "
        + "alone is ambiguous, an RFC 6901 JSON Pointer into the body.");
    schema.setRequired(ApiDocs.nonNullComponents(FieldProblem.class));
    return schema;
  }
}
