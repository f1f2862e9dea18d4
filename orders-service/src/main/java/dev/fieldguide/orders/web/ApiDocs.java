package dev.fieldguide.orders.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * T2: what the modules that complete the OpenAPI document share: a walk over its operations,
 * the problem+json response every refusal is, and response headers. Each module adds only the
 * statuses and headers of its own rules, so the result does not depend on which runs first.
 */
public final class ApiDocs {

  /** The media type of every error answer (RFC 9457). */
  public static final String PROBLEM_JSON = "application/problem+json";
  /** The component schema of a problem ({@link ProblemDocs}). */
  static final String PROBLEM_SCHEMA = "Problem";

  private ApiDocs() {}

  /** One operation of the document: its path template, its method, the operation itself. */
  public record ApiOperation(String path, PathItem.HttpMethod method, Operation operation) {

    /** The operation's responses, created when it has none yet. */
    public ApiResponses responses() {
      if (operation.getResponses() == null) {
        operation.setResponses(new ApiResponses());
      }
      return operation.getResponses();
    }

    /** Its 2xx responses, the ones a success header belongs on. */
    public Stream<ApiResponse> successes() {
      return responses().entrySet().stream().filter(e -> e.getKey().startsWith("2"))
          .map(Map.Entry::getValue);
    }

    /** Adds a problem response for {@code status}; a status belongs to one module's rules. */
    public ApiResponse problem(int status, String description) {
      ApiResponse response = problemResponse(description);
      responses().addApiResponse(String.valueOf(status), response);
      return response;
    }
  }

  /** Every operation of {@code api}. */
  public static Stream<ApiOperation> operations(OpenAPI api) {
    if (api.getPaths() == null) {
      return Stream.empty();
    }
    return api.getPaths().entrySet().stream().flatMap(path -> path.getValue()
        .readOperationsMap().entrySet().stream()
        .map(operation -> new ApiOperation(path.getKey(), operation.getKey(),
            operation.getValue())));
  }

  /** A response whose body is a problem. */
  public static ApiResponse problemResponse(String description) {
    return new ApiResponse().description(description).content(new Content().addMediaType(
        PROBLEM_JSON, new MediaType().schema(new JsonSchema()
            .$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
  }

  /** Adds the header {@code name} to {@code response}. */
  public static void header(ApiResponse response, String name, String description,
      Schema<?> schema) {
    response.addHeaderObject(name, new Header().description(description).schema(schema));
  }

  /** The components of {@code record} that are never null: the ones a JSON answer always has. */
  public static List<String> nonNullComponents(Class<? extends Record> record) {
    return Arrays.stream(record.getRecordComponents())
        .filter(component -> !component.getAnnotatedType().isAnnotationPresent(Nullable.class))
        .map(RecordComponent::getName).toList();
  }

  /** A JSON Schema of {@code types}; OpenAPI 3.1 writes several as a list. */
  public static Schema<Object> schema(String... types) {
    var schema = new JsonSchema();
    schema.setTypes(new TreeSet<>(List.of(types)));
    return schema;
  }

  /** A JSON Schema of one type, described. */
  public static Schema<Object> described(String type, String description) {
    Schema<Object> schema = schema(type);
    schema.setDescription(description);
    return schema;
  }
}
