package dev.fieldguide.orders.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;

/**
 * One scalar field of a request body record, found by walking the record's components (into
 * nested records and the first element of lists), with the path the error model names it by
 * ({@code lines[0].quantity}). Free-form members (maps, JSON trees) have no fields to find.
 */
record BodyField(List<Object> segments, Kind kind) {

  /** What JSON a field of this Java type accepts: one kind of scalar each. */
  enum Kind {
    INTEGER, TEXT, BOOLEAN, TIMESTAMP, DATE, ENUM
  }

  /** Every scalar field of {@code bodyType}, in declaration order. */
  static List<BodyField> of(Class<?> bodyType) {
    List<BodyField> fields = new ArrayList<>();
    walk(bodyType, List.of(), fields);
    return fields;
  }

  /** {@code lines[0].quantity}, as {@code RequestBodyProblem} names a field. */
  String path() {
    var out = new StringBuilder();
    for (Object segment : segments) {
      if (segment instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        out.append(out.isEmpty() ? "" : ".").append(segment);
      }
    }
    return out.toString();
  }

  /** A body holding only this field, set to the JSON text {@code value}. */
  String bodyWith(String value) {
    String json = value;
    for (int i = segments.size() - 1; i >= 0; i--) {
      json = segments.get(i) instanceof Integer
          ? "[" + json + "]"
          : "{\"" + segments.get(i) + "\": " + json + "}";
    }
    return json;
  }

  @Override
  public String toString() {
    return path();
  }

  private static void walk(Type type, List<Object> at, List<BodyField> out) {
    Class<?> raw = ResolvableType.forType(type).toClass();
    if (raw.isRecord()) {
      for (RecordComponent component : raw.getRecordComponents()) {
        walk(component.getGenericType(), append(at, component.getName()), out);
      }
    } else if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType list) {
      walk(list.getActualTypeArguments()[0], append(at, 0), out);
    } else {
      Kind kind = kindOf(raw);
      if (kind != null) {
        out.add(new BodyField(at, kind));
      }
    }
  }

  private static @Nullable Kind kindOf(Class<?> type) {
    if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
      return Kind.INTEGER;
    }
    if (type == Boolean.class || type == boolean.class) {
      return Kind.BOOLEAN;
    }
    if (type == Instant.class || type == OffsetDateTime.class) {
      return Kind.TIMESTAMP;
    }
    return type == String.class
        ? Kind.TEXT
        : type == LocalDate.class
            ? Kind.DATE
            : type.isEnum()
                ? Kind.ENUM
                : null;
  }

  private static List<Object> append(List<Object> path, Object segment) {
    return Stream.concat(path.stream(), Stream.of(segment))
        .collect(Collectors.toUnmodifiableList());
  }
}
