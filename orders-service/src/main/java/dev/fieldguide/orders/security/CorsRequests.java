package dev.fieldguide.orders.security;

import dev.fieldguide.orders.web.ProblemResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * D6: cross-origin calls by the allowlist ({@code fieldguide.security.cors-allowed-origins}).
 * Spring's {@link DefaultCorsProcessor} decides and adds the {@code Access-Control-*} headers; an
 * allowed preflight is answered here (it carries no token), and a refused origin gets a 403
 * problem like every other refusal instead of the processor's plain-text "Invalid CORS request".
 */
final class CorsRequests extends OncePerRequestFilter {

  private final CorsConfigurationSource source;
  private final ProblemResponseWriter problems;
  private final DefaultCorsProcessor processor = new DefaultCorsProcessor() {
    @Override
    protected void rejectRequest(ServerHttpResponse response) {
      // The filter answers a refusal, as a problem.
    }
  };

  CorsRequests(CorsConfigurationSource source, ProblemResponseWriter problems) {
    this.source = source;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    CorsConfiguration policy = source.getCorsConfiguration(request);
    if (policy != null && !processor.processRequest(policy, request, response)) {
      problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
          "Cross-origin calls from this origin are not allowed."), "CORS_ORIGIN_NOT_ALLOWED");
      return;
    }
    if (policy != null && CorsUtils.isPreFlightRequest(request)) {
      return; // answered: the processor set the Access-Control-* headers
    }
    chain.doFilter(request, response);
  }
}
