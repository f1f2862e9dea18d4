package dev.fieldguide.orders.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The web package's filters, each at its place in {@link FilterOrder}: request correlation, the
 * security headers, problem bodies for bare error answers, the request syntax check, the body
 * limit and the conditional-GET tags.
 */
@Configuration(proxyBeanMethods = false)
class WebFilters {

  @Bean
  FilterRegistrationBean<RequestCorrelation> requestCorrelation() {
    return FilterOrder.CORRELATION.register(new RequestCorrelation());
  }

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders() {
    return FilterOrder.SECURITY_HEADERS.register(new SecurityHeaders());
  }

  @Bean
  FilterRegistrationBean<ProblemBodies> problemBodies(ProblemResponseWriter problems) {
    return FilterOrder.PROBLEM_BODIES.register(new ProblemBodies(problems));
  }

  @Bean
  FilterRegistrationBean<RequestSyntax> requestSyntax(ProblemResponseWriter problems) {
    return FilterOrder.REQUEST_SYNTAX.register(new RequestSyntax(problems));
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
      @Value("${fieldguide.web.max-request-body:1MB}") DataSize max,
      ProblemResponseWriter problems) {
    return FilterOrder.BODY_LIMIT.register(new RequestBodyLimit(max, problems));
  }

  /**
   * D7: strong {@code ETag}s on API reads, so a client that already holds a page or a product
   * gets {@code 304 Not Modified} with an empty body for {@code If-None-Match}.
   *
   * <p>The tag is a hash of the response body: it saves bandwidth and client work, not server
   * work (the response is still computed). Saving the database read too needs a version column or
   * the cache in front of it (R1).
   */
  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
    var registration = FilterOrder.ETAG.register(new ShallowEtagHeaderFilter());
    registration.addUrlPatterns("/api/*");
    return registration;
  }
}
