package dev.fieldguide.orders.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * D6: the security headers every response carries, whoever writes it: a controller, a filter
 * that refuses a request early (host, body size, CORS), the error page, or the container's own
 * error report ({@link ProblemReportValve}, which calls {@link #apply} itself since no filter
 * runs for what Tomcat refuses). Set first, so a refusal further down still carries them.
 */
public final class SecurityHeaders extends OncePerRequestFilter {

  /** HSTS for a year, subdomains included; sent on HTTPS only (RFC 6797 §7.2). */
  static final String HSTS = "max-age=" + Duration.ofDays(365).toSeconds()
      + " ; includeSubDomains";

  static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

  private static final Map<String, String> ALWAYS = Map.of(
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      CONTENT_SECURITY_POLICY,
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      "Referrer-Policy", "no-referrer",
      // The legacy XSS auditor is off: it caused more leaks than it stopped (OWASP).
      "X-XSS-Protection", "0");

  /**
   * T2: Swagger UI's pages (springdoc serves them under this path) are the one HTML this service
   * serves. They may load their own scripts, styles and images from this origin and fetch the API
   * document from it, nothing else; its React views set inline styles and its stylesheet inlines
   * icons as {@code data:} images.
   */
  static final String DOCUMENTATION_UI = "/swagger-ui/";
  static final String DOCUMENTATION_UI_POLICY = "default-src 'none'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
      + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  /**
   * Not stored by any cache, as Spring Security marks its answers. Not set eagerly on every
   * response: Spring Security adds it to what passes its chain only when the response is
   * committed and has none, after the ETag filter has hashed a cacheable read; refusals written
   * outside the chain ({@link ProblemResponseWriter}) set it themselves.
   */
  private static final Map<String, String> NOT_STORED = Map.of(
      "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
      "Pragma", "no-cache",
      "Expires", "0");

  /** Sets the headers on {@code response}; HSTS only when the request came over HTTPS. */
  public static void apply(HttpServletRequest request, HttpServletResponse response) {
    ALWAYS.forEach(response::setHeader);
    // The raw URI: an odd spelling of the path keeps the strict policy, the safe way to fail. A
    // request Tomcat refused while parsing its request line may have none at all.
    @Nullable String uri = request.getRequestURI();
    if (uri != null && uri.startsWith(DOCUMENTATION_UI)) {
      response.setHeader(CONTENT_SECURITY_POLICY, DOCUMENTATION_UI_POLICY);
    }
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
  }

  /** Marks {@code response} as one no cache may store. */
  static void notStored(HttpServletResponse response) {
    NOT_STORED.forEach(response::setHeader);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    apply(request, response);
    chain.doFilter(request, response);
  }
}
