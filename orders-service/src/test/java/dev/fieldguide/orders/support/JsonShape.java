package dev.fieldguide.orders.support;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Compares a response with a committed shape snapshot: every field of the snapshot must still be
 * there with the same JSON type. New fields pass (additive change); a removed, renamed or retyped
 * field fails (breaking change).
 */
public final class JsonShape {

  private JsonShape() {}

  /** The breaking differences, as JSON paths; empty when {@code actual} honours the contract. */
  public static List<String> breakingChanges(JsonNode contract, JsonNode actual) {
    List<String> problems = new ArrayList<>();
    compare("$", contract, actual, problems);
    return problems;
  }

  private static void compare(String path, JsonNode contract, JsonNode actual,
      List<String> problems) {
    if (contract.isObject()) {
      if (!actual.isObject()) {
        problems.add(path + ": expected an object, got " + typeOf(actual));
        return;
      }
      for (String field : contract.propertyNames()) {
        if (!actual.has(field)) {
          problems.add(path + "." + field + ": missing");
        } else {
          compare(path + "." + field, contract.get(field), actual.get(field), problems);
        }
      }
    } else if (contract.isArray()) {
      if (!actual.isArray()) {
        problems.add(path + ": expected an array, got " + typeOf(actual));
        return;
      }
      for (int i = 0; i < actual.size(); i++) {
        compare(path + "[" + i + "]", contract.get(0), actual.get(i), problems);
      }
    } else if (!contract.asString().equals(typeOf(actual))) {
      problems.add(path + ": expected " + contract.asString() + ", got " + typeOf(actual));
    }
  }

  private static String typeOf(JsonNode node) {
    if (node.isObject()) {
      return "object";
    }
    if (node.isArray()) {
      return "array";
    }
    return node.isNumber()
        ? "number"
        : node.isBoolean()
            ? "boolean"
            : node.isNull()
                ? "null"
                : "string";
  }
}
