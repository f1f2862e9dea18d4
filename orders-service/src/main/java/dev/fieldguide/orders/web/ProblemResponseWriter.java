package dev.fieldguide.orders.web;

import dev.fieldguide.orders.errors.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem from a servlet filter, where Spring MVC's exception handling does not reach. */
@Component
public class ProblemResponseWriter {

  private final JsonMapper mapper;

  ProblemResponseWriter(JsonMapper mapper) {
    // The mixin flattens ProblemDetail's extra properties (code, traceId) into the top level,
    // exactly as Spring MVC writes them.
    this.mapper = mapper.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
        .build();
  }

  /** A domain refusal as {@code ApiExceptionHandler} answers it, {@code Retry-After} included. */
  public void write(HttpServletRequest request, HttpServletResponse response,
      DomainException refusal) throws IOException {
    Duration retryAfter = refusal.retryAfter();
    if (retryAfter != null) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()));
    }
    write(request, response, Problems.of(refusal), refusal.code());
  }

  public void write(HttpServletRequest request, HttpServletResponse response,
      ProblemDetail problem, String defaultCode) throws IOException {
    Problems.complete(problem, defaultCode, request);
    response.setStatus(problem.getStatus());
    SecurityHeaders.notStored(response);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    mapper.writeValue(response.getOutputStream(), problem);
  }
}
