package dev.fieldguide.orders.security;

import dev.fieldguide.orders.audit.AuditEvent;
import dev.fieldguide.orders.audit.AuditLog;
import dev.fieldguide.orders.web.ProblemResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * 403 for a caller who is known but lacks the role (function-level authorization), or a cookie
 * session request without its CSRF token; audited. Object-level refusals are 404s decided by
 * the resource itself, so they never reach here.
 */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

  private final ProblemResponseWriter problems;
  private final AuditLog audit;

  ProblemAccessDeniedHandler(ProblemResponseWriter problems, AuditLog audit) {
    this.problems = problems;
    this.audit = audit;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response,
      AccessDeniedException denied) throws IOException {
    boolean csrf = denied instanceof CsrfException;
    audit.record(request, Caller.current().subject(),
        AuditEvent.Outcome.DENIED, 403, csrf ? "missing or invalid CSRF token" : "role required");
    problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
        csrf
            ? "This cookie-session request needs its CSRF token (header X-XSRF-TOKEN)."
            : "Your token does not grant this operation."),
        csrf ? "CSRF_TOKEN_INVALID" : "FORBIDDEN");
  }
}
