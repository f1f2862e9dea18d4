package dev.fieldguide.orders.security;

import dev.fieldguide.orders.web.ProblemResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * D6, Django's {@code ALLOWED_HOSTS}: a request whose Host is not one of ours is refused with 400
 * before anything reads it. Links the service builds from the Host (Location headers, redirects
 * to HTTPS) can then never point at an attacker's domain (Host header injection, cache
 * poisoning). The actuator is exempt: probes and scrapers address a pod by its IP.
 */
final class AllowedHosts extends OncePerRequestFilter {

  private final Set<String> hosts;
  private final ProblemResponseWriter problems;

  AllowedHosts(List<String> hosts, ProblemResponseWriter problems) {
    this.hosts = hosts.stream().map(host -> host.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/actuator/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    // The servlet container parsed the Host header (or, behind a trusted proxy, X-Forwarded-Host).
    if (hosts.contains(request.getServerName().toLowerCase(Locale.ROOT))) {
      chain.doFilter(request, response);
      return;
    }
    problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "This service does not answer for that Host."), "HOST_NOT_ALLOWED");
  }
}
