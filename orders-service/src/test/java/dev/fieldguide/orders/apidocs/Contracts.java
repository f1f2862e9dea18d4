package dev.fieldguide.orders.apidocs;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Where the contracts live, and the one canonical text of a document: sorted keys, pretty. */
final class Contracts {

  static final Path DIRECTORY = Path.of("../docs/api");
  /** The contract of the code as it is, rewritten by {@code OpenApiContractIntegrationTests}. */
  static final Path CURRENT = DIRECTORY.resolve("openapi.json");
  /** The released contracts, {@code openapi-<version>.json}; the newest is the baseline. */
  static final Path RELEASED = DIRECTORY.resolve("released");

  static final JsonMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT).build();

  private Contracts() {}

  /** {@code document} with every object's keys sorted, two-space indented, ending in a newline. */
  static String canonical(String document) {
    return JSON.writeValueAsString(sorted(JSON.readTree(document))) + "\n";
  }

  private static Object sorted(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Map<String, Object> keys = new TreeMap<>();
      object.properties().forEach(entry -> keys.put(entry.getKey(), sorted(entry.getValue())));
      return keys;
    }
    if (node.isArray()) {
      return node.valueStream().map(Contracts::sorted).toList();
    }
    return node;
  }
}
