package dev.fieldguide.orders.security;

import dev.fieldguide.orders.audit.AdminActionAudit;
import dev.fieldguide.orders.audit.AuditLog;
import dev.fieldguide.orders.web.FilterOrder;
import dev.fieldguide.orders.web.ProblemResponseWriter;
import dev.fieldguide.orders.web.RequestCorrelation;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.PortMapper;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * A4 and D6: the one filter chain. Bearer tokens (stateless, so no CSRF) for the API; a CSRF
 * token for the one cookie-session resource; role rules from {@link AccessRules}; HTTPS redirect
 * when configured. CORS ({@link CorsRequests}) and the security headers run as servlet filters
 * ahead of it, so refusals the chain never sees get them too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSecurityProperties.class)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain api(HttpSecurity http, ApiSecurityProperties properties,
      JwtAuthenticationConverter tokens, ProblemResponseWriter problems, AuditLog audit) {
    var unauthenticated = new ProblemAuthenticationEntryPoint(problems, audit);
    var denied = new ProblemAccessDeniedHandler(problems, audit);
    http
        // Spring Security keeps no session: every API call proves itself with its token. (The
        // shortlist's own session is the application's, stored by Spring Session.)
        .sessionManagement(session -> session
            .sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // CSRF rides on cookies the browser adds by itself. A bearer token is never added by the
        // browser, so token-authenticated calls cannot be forged cross-site and need no CSRF
        // token; the cookie-session shortlist does: its token travels in the XSRF-TOKEN cookie
        // and must come back in the X-XSRF-TOKEN header of every write.
        .csrf(csrf -> csrf
            .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
            .requireCsrfProtectionMatcher(request -> AccessRules.COOKIE_SESSION.matches(request)
                && !isSafe(request.getMethod())))
        .addFilterAfter(new CsrfTokenCookie(), CsrfFilter.class)
        // Both happen before this chain, for every response and request alike: the security
        // headers in web.SecurityHeaders, CORS in CorsRequests (FilterOrder lists them). The
        // chain keeps one header writer: Cache-Control, added on commit when a response has none,
        // so the ETag filter has already tagged a read by then.
        .cors(cors -> cors.disable())
        .headers(headers -> headers.defaultsDisabled().cacheControl(Customizer.withDefaults()))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(AccessRules.PUBLIC).permitAll()
            .requestMatchers(AccessRules.COOKIE_SESSION).permitAll()
            .requestMatchers(AccessRules.ADMIN_FUNCTIONS).hasRole(Roles.ADMIN)
            .requestMatchers(AccessRules.ORDERS).hasAnyRole(Roles.CUSTOMER, Roles.ADMIN)
            // Anything not listed needs a valid token at least; an unknown path is then a 404.
            .anyRequest().authenticated())
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
            // RFC 9728 metadata at /.well-known/oauth-protected-resource, which the 401's
            // challenge points to: say truthfully that tokens are not certificate-bound, and
            // name the identity provider when the issuer is one clients can reach.
            .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                resource -> {
                  resource.resourceName("Field Guide orders API")
                      .tlsClientCertificateBoundAccessTokens(false);
                  if (properties.issuer().startsWith("https://")) {
                    resource.authorizationServer(properties.issuer());
                  }
                }))
            .authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler(denied))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler(denied))
        .addFilterAfter(new CallerLogContext(), BearerTokenAuthenticationFilter.class)
        .addFilterAfter(new AdminActionAudit(AccessRules.AUDITED, audit),
            AuthorizationFilter.class);
    if (properties.requireHttps()) {
      // TLS ends at the proxy, which listens on 443 whatever port this process has. Probes and
      // scrapes reach the actuator over plain HTTP inside the cluster and are not redirected.
      http.portMapper(ports -> ports.portMapper(new PortMapper() {
        @Override
        public Integer lookupHttpPort(Integer httpsPort) {
          return 80;
        }

        @Override
        public Integer lookupHttpsPort(Integer httpPort) {
          return 443;
        }
      })).redirectToHttps(https -> https.requestMatchers(
          request -> !request.getRequestURI().startsWith("/actuator/")));
    }
    return http.build();
  }

  /**
   * No Micrometer observation around each of the chain's filters, nor per authentication or
   * authorization: no dashboard or alert reads them, and wrapping every filter of the chain in
   * its own observation was the largest single cost of a cheap request (docs/performance.md).
   * {@code http.server.requests} still times every request, refusals included.
   */
  @Bean
  static SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  CorsConfigurationSource corsConfigurationSource(ApiSecurityProperties properties) {
    var cors = new CorsConfiguration();
    cors.setAllowedOrigins(properties.corsAllowedOrigins());
    cors.setAllowedMethods(List.of("GET", "POST", "PATCH", "DELETE"));
    cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
        "Idempotency-Key", RequestCorrelation.REQUEST_ID_HEADER, "X-XSRF-TOKEN"));
    cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, RequestCorrelation.REQUEST_ID_HEADER,
        HttpHeaders.RETRY_AFTER, "RateLimit", "RateLimit-Policy", "Idempotent-Replayed"));
    // Bearer tokens are sent explicitly; only the cookie-session shortlist needs credentials.
    cors.setAllowCredentials(true);
    cors.setMaxAge(Duration.ofHours(1));
    var source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", cors);
    source.registerCorsConfiguration("/graphql", cors);
    return source;
  }

  @Bean
  FilterRegistrationBean<CorsRequests> corsRequests(CorsConfigurationSource corsConfigurationSource,
      ProblemResponseWriter problems) {
    return FilterOrder.CORS.register(new CorsRequests(corsConfigurationSource, problems));
  }

  @Bean
  FilterRegistrationBean<AllowedHosts> allowedHosts(ApiSecurityProperties properties,
      ProblemResponseWriter problems) {
    // After the request id is set (so the 400 carries it), before anything else reads the Host.
    return FilterOrder.HOST_ALLOWLIST
        .register(new AllowedHosts(properties.allowedHosts(), problems));
  }

  private static boolean isSafe(String method) {
    return switch (method) {
      case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
      default -> false;
    };
  }
}
