package dev.fieldguide.orders.web;

import jakarta.servlet.Filter;
import java.util.Locale;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/**
 * The servlet filters a request passes through, in the order it meets them: the one list of the
 * chain. Every filter of ours is registered through {@link #register} with its position from
 * here, so reading this enum top to bottom is reading the chain ({@code FilterOrderIntegrationTests}
 * checks the running application agrees).
 */
public enum FilterOrder {

  /**
   * Liveness and readiness probes answered before anything else runs, on the API's port
   * ({@code observability.HealthProbes}).
   */
  PROBES(Ordered.HIGHEST_PRECEDENCE),
  /** Request id and trace id in the MDC and on the response, for everything below, refusals too. */
  CORRELATION(Ordered.HIGHEST_PRECEDENCE + 1),
  /** The security headers on every response, refusals below included (D6). */
  SECURITY_HEADERS(Ordered.HIGHEST_PRECEDENCE + 2),
  /** An error answer still without a body leaves with a problem (A5). */
  PROBLEM_BODIES(Ordered.HIGHEST_PRECEDENCE + 3),
  /** An unexpected {@code Host} is a 400 before anything reads it (D6). */
  HOST_ALLOWLIST(Ordered.HIGHEST_PRECEDENCE + 5),
  /**
   * A query string that is not clean UTF-8 text is a 400, content not declared JSON a 415, before
   * anything reads a parameter or the body (issue 18).
   */
  REQUEST_SYNTAX(Ordered.HIGHEST_PRECEDENCE + 7),
  /** A body over the cap is a 413 before anyone buffers it (API4). */
  BODY_LIMIT(Ordered.HIGHEST_PRECEDENCE + 10),
  /**
   * Cross-origin calls from the allowlist only, before authentication: a preflight carries no
   * token, so it is answered here (D6).
   */
  CORS(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10),
  /**
   * Spring Security's chain (A4): token authentication, CSRF, authorization and the admin
   * audit. Boot registers it at {@code spring.security.filter.order},
   * whose default this is; its inner filters are ordered by Spring Security itself.
   */
  SECURITY(SecurityFilterProperties.DEFAULT_FILTER_ORDER),
  /** After authentication, so buckets are per verified caller (R4). */
  RATE_LIMIT(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10),
  /** After the limiter: a refused request never takes a key's lock (A2). */
  IDEMPOTENCY(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 20),
  /** Last, so the tag hashes the body exactly as it leaves (D7). */
  ETAG(Ordered.LOWEST_PRECEDENCE);

  private final int order;

  FilterOrder(int order) {
    this.order = order;
  }

  public int order() {
    return order;
  }

  /** The name the filter is registered under, e.g. {@code rate-limit}. */
  public String filterName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Registers {@code filter} at this position, under {@link #filterName()}. */
  public <F extends Filter> FilterRegistrationBean<F> register(F filter) {
    var registration = new FilterRegistrationBean<>(filter);
    registration.setName(filterName());
    registration.setOrder(order);
    return registration;
  }
}
