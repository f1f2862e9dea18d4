package dev.fieldguide.orders.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * D7: strong {@code ETag}s on API reads, so a client that already holds a page or a product gets
 * {@code 304 Not Modified} with an empty body for {@code If-None-Match}.
 *
 * <p>The tag is a hash of the response body: it saves bandwidth and client work, not server work
 * (the response is still computed). Saving the database read too needs a version column or the
 * cache in front of it (R1).
 */
@Configuration(proxyBeanMethods = false)
class ConditionalGetConfiguration {

  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
    var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
    registration.addUrlPatterns("/api/*");
    registration.setName("apiEtags");
    return registration;
  }
}
