package dev.fieldguide.orders.errors;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a problem's {@code errors[]}: which field, and what is wrong with it.
 *
 * <p>{@code pointer} is an RFC 6901 JSON Pointer into the request body (e.g.
 * {@code /attributes/color}); it is set where a field name alone is ambiguous, such as inside a
 * free-form JSON object, and left out of the response otherwise.
 */
public record FieldProblem(String field, String message, @Nullable String pointer) {

  public FieldProblem(String field, String message) {
    this(field, message, null);
  }
}
