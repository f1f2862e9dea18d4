package dev.fieldguide.orders.web;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Describes an expected Java type in client words ("a whole number"), never as a class name. */
final class TypeNames {

  private TypeNames() {}

  static String describe(@Nullable Class<?> type) {
    if (type == null) {
      return "a valid value";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
          .collect(Collectors.joining(", ", "[", "]"));
    }
    return switch (type.getSimpleName()) {
      case "long", "Long", "int", "Integer", "short", "Short" -> "a whole number";
      case "double", "Double", "float", "Float", "BigDecimal" -> "a number";
      case "boolean", "Boolean" -> "true or false";
      case "UUID" -> "a UUID";
      case "Instant", "OffsetDateTime" -> "an ISO-8601 timestamp";
      case "LocalDate" -> "an ISO-8601 date";
      default -> "a valid value";
    };
  }
}
