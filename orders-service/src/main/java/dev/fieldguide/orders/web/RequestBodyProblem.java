package dev.fieldguide.orders.web;

import dev.fieldguide.orders.errors.FieldProblem;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Explains an unreadable JSON body without echoing the parser's message, which names Java
 * classes and internals.
 */
final class RequestBodyProblem {

  private RequestBodyProblem() {}

  static void describe(HttpMessageNotReadableException ex, ProblemDetail problem) {
    Throwable cause = ex.getCause();
    if (cause instanceof RefusedJsonText refused) {
      problem.setProperty(Problems.CODE, refused.code());
      problem.setDetail(refused.detail());
      if (!refused.errors().isEmpty()) {
        problem.setProperty(Problems.ERRORS, refused.errors());
      }
    } else if (isUndecodable(cause)) {
      problem.setProperty(Problems.CODE, TextRule.INVALID_ENCODING.name());
      problem.setDetail("The request body is not valid UTF-8.");
    } else if (cause instanceof MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()) {
      String field = path(mismatch);
      problem.setProperty(Problems.CODE, "INVALID_FIELD_TYPE");
      problem.setDetail("Field '%s' has the wrong type.".formatted(field));
      problem.setProperty(Problems.ERRORS, List.of(new FieldProblem(field, "has the wrong type")));
    } else if (cause instanceof StreamReadException || cause instanceof JacksonException) {
      problem.setProperty(Problems.CODE, "MALFORMED_JSON");
      problem.setDetail("The request body is not valid JSON.");
    } else {
      problem.setProperty(Problems.CODE, "MISSING_BODY");
      problem.setDetail("The request body is missing or unreadable.");
    }
  }

  /** The strict UTF-8 decoder of {@link CheckedJsonFactory} refused bytes, under the wrapping. */
  private static boolean isUndecodable(@Nullable Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof CharacterCodingException) {
        return true;
      }
    }
    return false;
  }

  /** {@code lines[0].quantity} from Jackson's reference chain. */
  private static String path(JacksonException ex) {
    var out = new StringBuilder();
    for (JacksonException.Reference ref : ex.getPath()) {
      if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      } else {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getPropertyName());
      }
    }
    return out.toString();
  }
}
