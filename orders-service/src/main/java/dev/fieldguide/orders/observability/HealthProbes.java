package dev.fieldguide.orders.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The Kubernetes probes, {@code GET /actuator/health/liveness} and {@code .../readiness}, answered
 * ahead of the API's filters when the actuator shares the API's port (the local default; a
 * deployment's management port has none of those filters). A probe comes every few seconds from
 * every kubelet and must stay cheap and independent of what it checks, so it skips request ids,
 * the access log, security and the rate limiter, none of which it needs (it is public and never
 * audited), and Spring MVC's endpoint dispatch; the status is still the group's as Boot computes it
 * (its members, their aggregation and its HTTP status mapping), from indicators that read memory
 * ({@link SampledHealth}). A probe with a query string ({@code ?show-details}) goes to the actuator.
 */
final class HealthProbes extends HttpFilter {

  private static final String PREFIX = "/actuator/health/";
  private static final Set<String> PROBES = Set.of("liveness", "readiness");

  private final HealthEndpoint health;
  private final HealthEndpointGroups groups;

  HealthProbes(HealthEndpoint health, HealthEndpointGroups groups) {
    this.health = health;
    this.groups = groups;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws IOException, ServletException {
    String probe = probeOf(request);
    HealthEndpointGroup group = probe == null ? null : groups.get(probe);
    HealthDescriptor answer = probe == null || group == null ? null : health.healthForPath(probe);
    if (group == null || answer == null) {
      chain.doFilter(request, response);
      return;
    }
    Status status = answer.getStatus();
    byte[] body = ("{\"status\":\"" + status.getCode() + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    response.setStatus(group.getHttpCodeStatusMapper().getStatusCode(status));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setContentLength(body.length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(body);
    }
  }

  /** The probe a request asks for ({@code liveness}, {@code readiness}), if it is a plain one. */
  private static @Nullable String probeOf(HttpServletRequest request) {
    String method = request.getMethod();
    String path = request.getRequestURI();
    if (!("GET".equals(method) || "HEAD".equals(method)) || request.getQueryString() != null
        || !path.startsWith(PREFIX)) {
      return null;
    }
    String probe = path.substring(PREFIX.length());
    return PROBES.contains(probe) ? probe : null;
  }
}
