package dev.fieldguide.orders.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which requests need which role, in one place: the filter chain authorizes with these matchers
 * and the audit log uses the same "admin function" matcher, so the two can never disagree.
 */
final class AccessRules {

  private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher
      .withDefaults();

  /**
   * Open to anyone: probes and scrapes, the catalogue's reads, the error page, dev tokens, and
   * the API document with its Swagger UI (T2; in prod nothing serves them, so they are a 404).
   */
  static final RequestMatcher PUBLIC = new OrRequestMatcher(
      PATHS.matcher(HttpMethod.GET, "/v3/api-docs"),
      PATHS.matcher(HttpMethod.GET, "/v3/api-docs/**"),
      PATHS.matcher(HttpMethod.GET, "/v3/api-docs.yaml"),
      PATHS.matcher(HttpMethod.GET, "/swagger-ui.html"),
      PATHS.matcher(HttpMethod.GET, "/swagger-ui/**"),
      PATHS.matcher("/actuator/health/**"),
      PATHS.matcher("/actuator/info"),
      PATHS.matcher("/actuator/prometheus"),
      PATHS.matcher("/error"),
      PATHS.matcher(HttpMethod.POST, "/dev/tokens"),
      PATHS.matcher(HttpMethod.GET, "/api/v1/products"),
      PATHS.matcher(HttpMethod.GET, "/api/v1/products/**"),
      // HEAD is GET without the body (RFC 9110 §9.3.2), and Spring MVC serves it from the GET.
      PATHS.matcher(HttpMethod.HEAD, "/api/v1/products"),
      PATHS.matcher(HttpMethod.HEAD, "/api/v1/products/**"));

  /**
   * The anonymous visitor's shortlist, kept in a cookie session: public, and so the one place
   * where CSRF protection applies (see {@link #COOKIE_SESSION}).
   */
  static final RequestMatcher COOKIE_SESSION = PATHS.matcher("/api/v1/shortlist/**");

  /** Customers (their own orders only, checked per object) and admins (every order). */
  static final RequestMatcher ORDERS = new OrRequestMatcher(
      PATHS.matcher("/api/v1/orders/**"),
      PATHS.matcher("/api/v2/orders/**"),
      PATHS.matcher("/graphql"));

  /** Admin only, and every call audited. */
  static final RequestMatcher ADMIN_FUNCTIONS = new OrRequestMatcher(
      PATHS.matcher("/admin/**"),
      PATHS.matcher(HttpMethod.PATCH, "/api/v1/products/**"),
      PATHS.matcher("/api/v1/jobs/**"),
      PATHS.matcher("/api/v1/reports/**"),
      PATHS.matcher("/actuator/**"));

  /**
   * What the audit log records: the admin functions as authorization applies them, that is
   * without the probes and scrapes {@link #PUBLIC} opens first. A probe is not an operator's
   * action, and its answer must not wait for an INSERT into PostgreSQL (issue 20, item 9).
   */
  static final RequestMatcher AUDITED = new AndRequestMatcher(ADMIN_FUNCTIONS,
      new NegatedRequestMatcher(PUBLIC));

  private AccessRules() {}
}
