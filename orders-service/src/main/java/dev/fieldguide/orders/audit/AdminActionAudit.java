package dev.fieldguide.orders.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records every admin action once it has run, with its outcome. It sits after authorization, so
 * it only sees requests that were allowed; refusals are recorded where they happen (the
 * entry point and the access-denied handler).
 *
 * <p>The answer is held back until its row is written: an operator who has the response can
 * find the action in the log, with the same request id.
 */
public class AdminActionAudit extends OncePerRequestFilter {

  private final RequestMatcher adminActions;
  private final AuditLog audit;

  public AdminActionAudit(RequestMatcher adminActions, AuditLog audit) {
    this.adminActions = adminActions;
    this.audit = audit;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !adminActions.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    var held = new ContentCachingResponseWrapper(response);
    int status = 500;
    try {
      chain.doFilter(request, held);
      status = held.getStatus();
    } finally {
      // An exception escaping here still becomes a 500 further out: recorded as FAILED.
      Authentication caller = SecurityContextHolder.getContext().getAuthentication();
      audit.record(request, caller == null ? null : caller.getName(),
          status < 400 ? AuditEvent.Outcome.SUCCEEDED : AuditEvent.Outcome.FAILED, status, null);
    }
    held.copyBodyToResponse();
  }
}
