package dev.fieldguide.orders.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Enumeration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;

/** The handler lookup refuses a mapping on its path before reading anything else of the request. */
class PathFirstMappingTests {

  private final PathFirstMapping mapping = mappingOf(Widgets.class, Gadgets.class);

  @Test
  void aMappingOnAnotherPathNeverReadsTheAcceptHeader() throws Exception {
    var request = new AcceptCountingRequest("GET", "/gadgets/7");

    HandlerExecutionChain chain = Objects.requireNonNull(mapping.getHandler(request));

    assertThat(handlerName(chain)).isEqualTo("gadget");
    // Only the widget mapping has a produces condition; Spring checks it before its path.
    assertThat(request.acceptReads.get()).isZero();
  }

  @Test
  void theMappingOnThePathStillChecksWhatItProduces() {
    var request = new AcceptCountingRequest("GET", "/widgets/7");
    request.addHeader("Accept", "text/csv");

    assertThatThrownBy(() -> mapping.getHandler(request))
        .isInstanceOf(HttpMediaTypeNotAcceptableException.class); // a 406, as before
    assertThat(request.acceptReads.get()).isPositive();
  }

  @Test
  void aMethodNotMappedOnThePathIsStillA405() {
    var request = new AcceptCountingRequest("DELETE", "/gadgets/7");

    assertThatThrownBy(() -> mapping.getHandler(request))
        .isInstanceOf(HttpRequestMethodNotSupportedException.class);
  }

  @Test
  void anUnknownPathFindsNoHandler() throws Exception {
    assertThat(mapping.getHandler(new AcceptCountingRequest("GET", "/nothing/7"))).isNull();
  }

  private static String handlerName(HandlerExecutionChain chain) {
    return ((HandlerMethod) chain.getHandler()).getMethod().getName();
  }

  private static PathFirstMapping mappingOf(Class<?>... controllers) {
    var context = new StaticWebApplicationContext();
    for (Class<?> controller : controllers) {
      context.registerSingleton(controller.getSimpleName(), controller);
    }
    context.refresh();
    var mapping = (PathFirstMapping) new MvcRegistrations()
        .getRequestMappingHandlerMapping();
    mapping.setApplicationContext(context);
    mapping.afterPropertiesSet();
    return mapping;
  }

  /** Counts how often the lookup reads {@code Accept}. */
  static class AcceptCountingRequest extends MockHttpServletRequest {

    final AtomicInteger acceptReads = new AtomicInteger();

    AcceptCountingRequest(String method, String path) {
      super(method, path);
    }

    @Override
    public @Nullable String getHeader(String name) {
      if ("Accept".equalsIgnoreCase(name)) {
        acceptReads.incrementAndGet();
      }
      return super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      if ("Accept".equalsIgnoreCase(name)) {
        acceptReads.incrementAndGet();
      }
      return super.getHeaders(name);
    }
  }

  @RestController
  static class Widgets {

    @GetMapping(path = "/widgets/{id}", produces = "application/json")
    String widget(@PathVariable long id) {
      return "widget " + id;
    }
  }

  @RestController
  static class Gadgets {

    @GetMapping("/gadgets/{id}")
    String gadget(@PathVariable long id) {
      return "gadget " + id;
    }

    @PostMapping("/gadgets/{id}")
    String renameGadget(@PathVariable long id) {
      return "gadget " + id;
    }
  }
}
