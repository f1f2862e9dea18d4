package dev.fieldguide.lab;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The lab page's files, all from the jar (no CDN): its own scripts and styles under
 * {@code /lab/assets/}, and the charting library's WebJar under {@code /lab/assets/vendor/} by a
 * path without its version ({@code vendor/uplot/dist/uPlot.iife.min.js}). Everything under
 * {@code /lab} is a lab feature, so one access rule covers the page and its files.
 */
@Configuration(proxyBeanMethods = false)
class LabPageAssets implements WebMvcConfigurer {

  static final String ASSETS = "/lab/assets/";

  /**
   * The service answers with {@code default-src 'none'} (web.SecurityHeaders): right for JSON,
   * fatal for a page. The lab page may load its own scripts, styles and images from this origin
   * and call it, nothing else: no inline script, no other origin.
   */
  static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
      + "form-action 'none'";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler(ASSETS + "vendor/**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/").resourceChain(true)
        .addResolver(new LiteWebJarsResourceResolver());
    registry.addResourceHandler(ASSETS + "**").addResourceLocations("classpath:/lab/page/");
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
          Object handler) {
        response.setHeader("Content-Security-Policy", PAGE_POLICY);
        return true;
      }
    }).addPathPatterns("/lab", ASSETS + "**");
  }
}
