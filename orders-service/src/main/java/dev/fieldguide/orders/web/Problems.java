package dev.fieldguide.orders.web;

import dev.fieldguide.orders.errors.DomainException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds and completes problem details, so MVC handlers, filters and the error page answer alike.
 */
public final class Problems {

  /** Machine-readable error code: stable across releases, unlike {@code title} and {@code detail}. */
  public static final String CODE = "code";
  /** The request's trace id, so a client can quote it and an operator can find the trace. */
  public static final String TRACE_ID = "traceId";
  /** One entry per field at fault ({@code FieldProblem}). */
  static final String ERRORS = "errors";

  // RFC 9457 §4.2.1: "about:blank" says the status code is all the semantics there are; `code`
  // refines it for programs.
  private static final URI ABOUT_BLANK = URI.create("about:blank");

  private Problems() {}

  /** A new problem with every field the contract requires. */
  public static ProblemDetail of(HttpStatusCode status, String code, String detail,
      HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    return complete(problem, code, request);
  }

  /**
   * Adds {@code code}, {@code traceId}, {@code instance} and {@code title} where they are missing;
   * a code set earlier (for example by a domain exception) wins over {@code defaultCode}.
   */
  public static ProblemDetail complete(ProblemDetail problem, String defaultCode,
      HttpServletRequest request) {
    var properties = problem.getProperties();
    if (properties == null || !properties.containsKey(CODE)) {
      problem.setProperty(CODE, defaultCode);
    }
    problem.setProperty(TRACE_ID, RequestCorrelation.traceId(request));
    if (problem.getInstance() == null) {
      // On the error page the original path is an attribute; the request URI is /error.
      Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      instanceOf(original instanceof String path ? path : request.getRequestURI())
          .ifPresent(problem::setInstance);
    }
    if (problem.getType() == null) {
      problem.setType(ABOUT_BLANK);
    }
    if (problem.getTitle() == null) {
      HttpStatus known = HttpStatus.resolve(problem.getStatus());
      problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
    }
    return problem;
  }

  /** The path as the problem's {@code instance}; none when the path is not a valid URI itself. */
  private static Optional<URI> instanceOf(@Nullable String path) {
    if (path == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new URI(path));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * The one place a domain refusal becomes an HTTP status; REST answers and GraphQL's
   * classification both read it.
   */
  public static HttpStatus statusOf(DomainException.Kind kind) {
    return switch (kind) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
    };
  }

  /** The problem for a domain refusal: its status, detail, code and, if it has them, errors. */
  static ProblemDetail of(DomainException refusal) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(statusOf(refusal.kind()),
        refusal.detail());
    problem.setProperty(CODE, refusal.code());
    if (refusal.errors() != null) {
      problem.setProperty(ERRORS, refusal.errors());
    }
    return problem;
  }

  /** The default code for a status: its name, e.g. {@code METHOD_NOT_ALLOWED}. */
  public static String codeFor(HttpStatusCode status) {
    @Nullable HttpStatus known = HttpStatus.resolve(status.value());
    return known != null ? known.name() : "HTTP_" + status.value();
  }
}
