package dev.fieldguide.orders.web;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.beans.PropertyEditorRegistrar;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's two request-handling beans, as Boot configures them, with two changes that keep
 * what they do and drop per-request work the profile showed (docs/performance.md): the handler
 * lookup checks paths first ({@link PathFirstMapping}), and the number editors of
 * {@link AsciiDecimalNumbers} are registered by the binder initializer every data binder starts
 * from. Boot uses a {@link WebMvcRegistrations} only when it is the only one, hence both here.
 */
@Configuration(proxyBeanMethods = false)
class MvcRegistrations implements WebMvcRegistrations {

  @Override
  public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
    return new PathFirstMapping();
  }

  @Override
  public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
    return new RequestMappingHandlerAdapter() {
      @Override
      public void afterPropertiesSet() {
        // Boot's initializer carries the conversion service and the validator, and only as a
        // ConfigurableWebBindingInitializer does Spring find that validator for method
        // validation (@Min on a @RequestParam): so add to it rather than wrap it.
        if (!(getWebBindingInitializer() instanceof ConfigurableWebBindingInitializer boots)) {
          throw new IllegalStateException("Expected Boot's ConfigurableWebBindingInitializer, got "
              + getWebBindingInitializer());
        }
        boots.setPropertyEditorRegistrars(Stream.concat(
            Stream.ofNullable(boots.getPropertyEditorRegistrars()).flatMap(Arrays::stream),
            Stream.of(new AsciiDecimalNumbers())).toArray(PropertyEditorRegistrar[]::new));
        super.afterPropertiesSet();
      }
    };
  }
}
