package dev.fieldguide.orders.web;

import dev.fieldguide.orders.errors.FieldProblem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;

/**
 * A JSON body that parses but breaks a {@link CheckedJsonParser} rule: the problem's code, its
 * sentence, and the field at fault when there is one ({@code lines[0].note}, pointer
 * {@code /lines/0/note}).
 */
final class RefusedJsonText extends StreamReadException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String detail;
  private final transient @Nullable FieldProblem field;

  private RefusedJsonText(JsonParser parser, String code, String detail,
      @Nullable FieldProblem field) {
    super(parser, detail);
    this.code = code;
    this.detail = detail;
    this.field = field;
  }

  /** The value just read (or the member just named) {@code breach}es the rule {@code code}. */
  static RefusedJsonText value(JsonParser parser, String code, String breach) {
    return at(parser, parser.streamReadContext(), code, breach);
  }

  /** A member name just read breaks the rule; blamed on the object that holds it. */
  static RefusedJsonText member(JsonParser parser, String code, String breach) {
    return at(parser, parser.streamReadContext().getParent(), code, breach);
  }

  String code() {
    return code;
  }

  String detail() {
    return detail;
  }

  /** The field at fault; empty when the fault is the body's top level. */
  List<FieldProblem> errors() {
    return field == null ? List.of() : List.of(field);
  }

  private static RefusedJsonText at(JsonParser parser, @Nullable TokenStreamContext context,
      String code, String breach) {
    Deque<Object> segments = new ArrayDeque<>();
    for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        segments.addFirst(c.getCurrentIndex());
      } else if (c.currentName() != null) {
        segments.addFirst(c.currentName());
      }
    }
    if (segments.isEmpty()) {
      return new RefusedJsonText(parser, code, "The request body " + breach + ".", null);
    }
    var field = new StringBuilder();
    var pointer = new StringBuilder();
    for (Object segment : segments) {
      if (segment instanceof Integer index) {
        field.append('[').append(index).append(']');
      } else {
        field.append(field.isEmpty() ? "" : ".").append(segment);
      }
      // RFC 6901 §3: '~' and '/' inside a member name are written '~0' and '~1'.
      pointer.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
    }
    return new RefusedJsonText(parser, code,
        "Field '%s' %s.".formatted(field, breach),
        new FieldProblem(field.toString(), breach, pointer.toString()));
  }
}
