package dev.fieldguide.orders.apidocs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The changes from a released OpenAPI contract to the current one that break a client built
 * against the released one: a removed path or operation, a removed response field, a removed
 * enum value, a new required parameter or request field, a changed type. Anything else (a new
 * path, field, optional parameter or enum value) is compatible.
 *
 * <p>Written for this project because openapi-diff-core 2.1.7, which resolves from Central, does
 * not see type changes, removed response fields or removed enum values in OpenAPI 3.1 documents
 * (checked on hand-written specs; its issues #745 and #910).
 */
final class BreakingChanges {

  private static final String SCHEMAS = "#/components/schemas/";

  private final JsonNode released;
  private final JsonNode current;
  private final List<String> found = new ArrayList<>();
  /** Component schema pairs already compared, per direction (recursive schemas end here). */
  private final Set<String> compared = new HashSet<>();

  private BreakingChanges(JsonNode released, JsonNode current) {
    this.released = released;
    this.current = current;
  }

  /** Every breaking change from {@code released} to {@code current}, one sentence each. */
  static List<String> between(JsonNode released, JsonNode current) {
    var changes = new BreakingChanges(released, current);
    changes.compareOperations();
    return changes.found;
  }

  private void compareOperations() {
    released.path("paths").properties().forEach(path -> {
      JsonNode now = current.path("paths").path(path.getKey());
      if (now.isMissingNode()) {
        found.add("removed path " + path.getKey());
        return;
      }
      path.getValue().properties().forEach(operation -> {
        String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
        JsonNode then = operation.getValue();
        JsonNode after = now.path(operation.getKey());
        if (!then.isObject() || operation.getKey().equals("parameters")) {
          return; // path-level fields, not operations
        }
        if (after.isMissingNode()) {
          found.add("removed operation " + name);
          return;
        }
        compareParameters(name, then.path("parameters"), after.path("parameters"));
        then.path("requestBody").path("content").properties().forEach(media -> compare(
            name + " request body", media.getValue().path("schema"),
            after.path("requestBody").path("content").path(media.getKey()).path("schema"),
            false));
        if (!then.has("requestBody") && after.path("requestBody").path("required").asBoolean()) {
          found.add("new required request body on " + name);
        }
        then.path("responses").properties().forEach(response -> response.getValue()
            .path("content").properties().forEach(media -> compare(
                name + " " + response.getKey() + " response", media.getValue().path("schema"),
                after.path("responses").path(response.getKey()).path("content")
                    .path(media.getKey()).path("schema"),
                true)));
      });
    });
  }

  private void compareParameters(String operation, JsonNode then, JsonNode after) {
    Set<String> requiredBefore = new HashSet<>();
    then.valueStream().filter(p -> p.path("required").asBoolean())
        .forEach(p -> requiredBefore.add(key(p)));
    after.valueStream().filter(p -> p.path("required").asBoolean())
        .filter(p -> !requiredBefore.contains(key(p))).forEach(p -> found.add(
            "new required %s parameter '%s' on %s".formatted(p.path("in").asString(),
                p.path("name").asString(), operation)));
    then.valueStream().forEach(p -> after.valueStream().filter(q -> key(q).equals(key(p)))
        .findFirst().ifPresent(q -> compare(operation + " parameter '"
            + p.path("name").asString() + "'", p.path("schema"), q.path("schema"), false)));
  }

  private static String key(JsonNode parameter) {
    return parameter.path("in").asString() + ":" + parameter.path("name").asString();
  }

  /**
   * Compares the schema at {@code where}: its type, its enum values, and field by field, what a
   * response no longer has ({@code response}) or what a request now requires.
   */
  private void compare(String where, JsonNode thenRef, JsonNode afterRef, boolean response) {
    JsonNode then = resolve(released, thenRef);
    JsonNode after = resolve(current, afterRef);
    if (then.isMissingNode() || after.isMissingNode()) {
      return;
    }
    if (thenRef.has("$ref") && !compared.add(thenRef.path("$ref").asString() + "|"
        + afterRef.path("$ref").asString() + "|" + response)) {
      return; // compared already, or a recursive schema coming round again
    }
    Set<String> typesBefore = types(then);
    Set<String> typesAfter = types(after);
    if (!typesBefore.isEmpty() && !typesAfter.isEmpty() && !typesBefore.equals(typesAfter)) {
      found.add("changed type of %s: %s -> %s".formatted(where, typesBefore, typesAfter));
    }
    if (then.has("enum") && after.has("enum")) {
      Set<String> values = new TreeSet<>();
      after.path("enum").valueStream().forEach(v -> values.add(v.toString()));
      then.path("enum").valueStream().filter(v -> !values.contains(v.toString()))
          .forEach(v -> found.add("removed enum value %s of %s".formatted(v, where)));
    }
    then.path("properties").properties().forEach(property -> {
      JsonNode now = after.path("properties").path(property.getKey());
      if (now.isMissingNode()) {
        if (response) {
          found.add("removed response field %s.%s".formatted(where, property.getKey()));
        }
        return;
      }
      compare(where + "." + property.getKey(), property.getValue(), now, response);
    });
    if (!response) {
      Set<String> requiredBefore = new HashSet<>();
      then.path("required").valueStream().forEach(r -> requiredBefore.add(r.asString()));
      after.path("required").valueStream().map(JsonNode::asString)
          .filter(r -> !requiredBefore.contains(r))
          .forEach(r -> found.add("new required request field %s.%s".formatted(where, r)));
    }
    compare(where + "[]", then.path("items"), after.path("items"), response);
  }

  /** {@code schema}, or the component it refers to. */
  private static JsonNode resolve(JsonNode document, JsonNode schema) {
    String ref = schema.path("$ref").asString("");
    return ref.startsWith(SCHEMAS)
        ? document.path("components").path("schemas").path(ref.substring(SCHEMAS.length()))
        : schema;
  }

  private static Set<String> types(JsonNode schema) {
    Set<String> types = new TreeSet<>();
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      type.valueStream().forEach(t -> types.add(t.asString()));
    } else if (type.isString()) {
      types.add(type.asString());
    }
    return types;
  }
}
