package dev.fieldguide.orders.errors;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request the domain refuses, said in domain terms: the kind of refusal, a stable machine code,
 * a sentence for people and, where fields are at fault, which ones. Only the web layer turns the
 * kind into an HTTP status, so services stay free of Spring web.
 */
public class DomainException extends RuntimeException {

  /** What kind of refusal; the web layer maps each to exactly one status. */
  public enum Kind {
    /** The input breaks a rule the client can fix by changing it. */
    INVALID,
    /** The caller may not do this. */
    FORBIDDEN,
    /** Something the request names does not exist. */
    NOT_FOUND,
    /** The current state of things does not allow it. */
    CONFLICT,
    /** Not now; the same request may succeed later. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final String code;
  private final String detail;
  private final @Nullable List<FieldProblem> errors;
  private final @Nullable Duration retryAfter;

  /** A refusal about the request as a whole; the answer carries no {@code errors[]}. */
  public DomainException(Kind kind, String code, String detail) {
    this(kind, code, detail, null, null);
  }

  /** A refusal that lists {@code errors[]} (an empty list is listed as such). */
  public DomainException(Kind kind, String code, String detail, List<FieldProblem> errors) {
    this(kind, code, detail, List.copyOf(errors), null);
  }

  protected DomainException(Kind kind, String code, String detail,
      @Nullable List<FieldProblem> errors, @Nullable Duration retryAfter) {
    // No stack trace: this is an answer to the caller, not a fault to debug.
    super(detail, null, false, false);
    this.kind = kind;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** Machine-readable and stable across releases, unlike the detail sentence. */
  public String code() {
    return code;
  }

  /** The sentence for people; names no internals. */
  public String detail() {
    return detail;
  }

  /** The fields at fault; null when the refusal is about no field in particular. */
  public @Nullable List<FieldProblem> errors() {
    return errors;
  }

  /** How long the caller should wait before trying again, where that is known. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
