package dev.fieldguide.orders.security;

import dev.fieldguide.core.logging.RequestLogScope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the verified caller (the token's subject) into the log context as {@code user_id}, so
 * every line of the request, the access line included, says who made it. The request's log
 * scope ({@code RequestCorrelation}) takes it out again when the request ends.
 */
final class CallerLogContext extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String subject = Caller.current().subject();
    if (subject != null) {
      MDC.put(RequestLogScope.USER_ID, subject);
    }
    chain.doFilter(request, response);
  }
}
