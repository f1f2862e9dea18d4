package dev.fieldguide.orders.security;

import dev.fieldguide.orders.audit.AuditEvent;
import dev.fieldguide.orders.audit.AuditLog;
import dev.fieldguide.orders.web.ProblemResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 for a missing or refused token: the RFC 6750 {@code WWW-Authenticate} challenge (which says
 * why) plus the API's usual problem body, and an audit row. The body is the same for every
 * reason, so it tells a prober nothing the challenge does not.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

  private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
  private final ProblemResponseWriter problems;
  private final AuditLog audit;

  ProblemAuthenticationEntryPoint(ProblemResponseWriter problems, AuditLog audit) {
    this.problems = problems;
    this.audit = audit;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException failure) throws IOException {
    challenge.commence(request, response, failure);
    audit.record(request, null, AuditEvent.Outcome.UNAUTHENTICATED, 401, failure.getMessage());
    problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
        "A valid bearer token is required."), "UNAUTHENTICATED");
  }
}
