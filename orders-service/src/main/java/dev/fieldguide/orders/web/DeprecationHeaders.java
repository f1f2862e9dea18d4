package dev.fieldguide.orders.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Marks every response of a deprecated API with {@code Deprecation} (RFC 9745, a structured-field
 * date {@code @<unix seconds>}), {@code Sunset} (RFC 8594, an HTTP-date) and a
 * {@code Link: <...>; rel="successor-version"} to the same resource in the new version, so
 * clients and gateways can detect and log it without reading docs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDeprecations.class)
class DeprecationHeaders implements WebMvcConfigurer {

  // IMF-fixdate (RFC 9110 §5.6.7): always two-digit days, unlike RFC_1123_DATE_TIME.
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
      .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

  private final ApiDeprecations apis;

  DeprecationHeaders(ApiDeprecations apis) {
    this.apis = apis;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    for (ApiDeprecations.Deprecation deprecation : apis.deprecations()) {
      registry.addInterceptor(new Marker(deprecation))
          .addPathPatterns(deprecation.path(), deprecation.path() + "/**");
    }
  }

  private record Marker(ApiDeprecations.Deprecation deprecation) implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
        Object handler) {
      response.setHeader("Deprecation", "@" + deprecation.deprecatedAt().getEpochSecond());
      response.setHeader("Sunset", HTTP_DATE.format(deprecation.sunset().atOffset(ZoneOffset.UTC)));
      String rest = request.getRequestURI().substring(deprecation.path().length());
      response.setHeader("Link",
          "<%s%s>; rel=\"successor-version\"".formatted(deprecation.successor(), rest));
      return true;
    }
  }
}
