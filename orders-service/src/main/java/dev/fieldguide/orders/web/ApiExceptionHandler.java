package dev.fieldguide.orders.web;

import dev.fieldguide.orders.errors.SqlStates;
import dev.fieldguide.orders.errors.TransactionConflict;
import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception that reaches Spring MVC into a complete problem+json answer.
 *
 * <p>Spring's base class already maps the framework exceptions to statuses; this class adds the
 * contract's {@code code}, {@code traceId} and {@code errors[]}, and replaces details that could
 * leak internals (parser messages, class names) with plain sentences.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception ex, NativeWebRequest request) {
    if (DatabaseBusyException.isCause(ex)) {
      return refused(new DatabaseBusyException(), request);
    }
    // A lost race in code that does not retry (TransactionRetry answers its own last loss).
    if (SqlStates.lostRace(ex) != null) {
      return refused(new TransactionConflict(1), request);
    }
    log.error("Unhandled exception", ex);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "An unexpected error occurred. Quote the traceId when reporting it.");
    problem.setProperty(Problems.CODE, "INTERNAL_ERROR");
    return complete(problem, HttpStatus.INTERNAL_SERVER_ERROR, new HttpHeaders(), request);
  }

  /** A refusal from domain code: the status comes from its kind ({@link Problems#statusOf}). */
  @ExceptionHandler(DomainException.class)
  ResponseEntity<Object> refused(DomainException refusal, NativeWebRequest request) {
    ProblemDetail problem = Problems.of(refusal);
    HttpHeaders headers = new HttpHeaders();
    Duration retryAfter = refusal.retryAfter();
    if (retryAfter != null) {
      headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()));
    }
    return complete(problem, HttpStatusCode.valueOf(problem.getStatus()), headers, request);
  }

  /**
   * Method validation through a {@code @Validated} proxy (the controller's class carries it)
   * fails before Spring MVC sees the call, as Bean Validation's own exception: the same 400 as
   * MVC's built-in method validation, whichever controller it comes from.
   */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> invalidArguments(ConstraintViolationException invalid,
      NativeWebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    validationFailed(problem, invalid.getConstraintViolations().stream()
        .map(violation -> new FieldProblem(argumentPath(violation.getPropertyPath()),
            messageOf(violation.getMessage())))
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList());
    return complete(problem, HttpStatus.BAD_REQUEST, new HttpHeaders(), request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    if (RequestBodyLimit.isCause(ex)) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
          "The request body is larger than this endpoint accepts.");
      return complete(problem, HttpStatus.CONTENT_TOO_LARGE, headers, request);
    }
    ProblemDetail problem = ProblemDetail.forStatus(status);
    RequestBodyProblem.describe(ex, problem);
    return complete(problem, status, headers, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex,
      @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = switch (body) {
      case ProblemDetail given -> given;
      case null -> ex instanceof ErrorResponse response
          ? response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale())
          : ProblemDetail.forStatus(status);
      default -> ProblemDetail.forStatus(status);
    };
    switch (ex) {
      case MethodArgumentNotValidException invalid -> validationFailed(problem,
          invalid.getBindingResult().getFieldErrors().stream()
              .map(e -> new FieldProblem(e.getField(), messageOf(e.getDefaultMessage())))
              .toList());
      case HandlerMethodValidationException invalid -> validationFailed(problem,
          invalid.getParameterValidationResults().stream()
              .flatMap(result -> result.getResolvableErrors().stream()
                  .map(e -> new FieldProblem(parameterName(result.getMethodParameter()
                      .getParameterName()), messageOf(e.getDefaultMessage()))))
              .toList());
      case TypeMismatchException mismatch -> {
        problem.setProperty(Problems.CODE, "INVALID_PARAMETER");
        problem.setDetail("Parameter '%s' must be %s.".formatted(
            parameterName(mismatch.getPropertyName()),
            TypeNames.describe(mismatch.getRequiredType())));
      }
      case MissingServletRequestParameterException missing ->
        problem.setProperty(Problems.CODE, "MISSING_PARAMETER");
      default -> {
        // Spring's own detail for the remaining framework exceptions names no internals.
      }
    }
    return complete(problem, status, headers, request);
  }

  private static void validationFailed(ProblemDetail problem, List<FieldProblem> errors) {
    problem.setProperty(Problems.CODE, "VALIDATION_FAILED");
    problem.setDetail("The request has %d invalid field(s).".formatted(errors.size()));
    problem.setProperty(Problems.ERRORS, errors);
  }

  /** {@code limit} from {@code latest.limit}: the path below the method, as a client names it. */
  private static String argumentPath(Path path) {
    var out = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
        continue;
      }
      if (node.getIndex() != null) {
        out.append('[').append(node.getIndex()).append(']');
      }
      if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
        out.append(out.isEmpty() ? "" : ".").append(node.getName());
      }
    }
    return parameterName(out.isEmpty() ? null : out.toString());
  }

  private static String messageOf(@Nullable String message) {
    return message != null ? message : "is invalid";
  }

  private static String parameterName(@Nullable String name) {
    return name != null ? name : "?";
  }

  private ResponseEntity<Object> complete(ProblemDetail problem, HttpStatusCode status,
      HttpHeaders headers, WebRequest request) {
    HttpServletRequest servletRequest = ((NativeWebRequest) request)
        .getNativeRequest(HttpServletRequest.class);
    if (servletRequest != null) {
      Problems.complete(problem, Problems.codeFor(status), servletRequest);
    }
    return ResponseEntity.status(status).headers(headers).body(problem);
  }
}
