package dev.fieldguide.orders.idempotency;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The route Spring MVC will dispatch a request to, found by asking its handler mappings as
 * {@code DispatcherServlet} does. A filter that matched the raw URI instead would let
 * {@code /%61pi/v1/orders} reach the orders handler unseen: MVC routes on the decoded path.
 */
final class MvcRoutes {

  private final Supplier<List<HandlerMapping>> mappings;

  /**
   * {@code mappings}: every handler mapping of the context, in their order, as
   * {@code DispatcherServlet} detects them; looked up on first use, once MVC is set up.
   */
  MvcRoutes(ObjectProvider<HandlerMapping> mappings) {
    this.mappings = SingletonSupplier.of(() -> mappings.orderedStream().toList());
  }

  /**
   * The route {@code request} reaches; empty when MVC will answer it without running a handler
   * (no route: 404; a route that refuses the method or media type: 405, 415, 406).
   */
  Optional<Route> routeOf(HttpServletRequest request) throws ServletException {
    // The lookup writes request attributes (the parsed path, the match); the real dispatch must
    // start from the request as it was.
    var probe = new AttributesOfItsOwn(request);
    ServletRequestPathUtils.parseAndCache(probe);
    for (HandlerMapping mapping : mappings.get()) {
      try {
        if (mapping.getHandler(probe) != null) {
          return Optional.of(new Route(
              String.valueOf(probe.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)),
              decodedPath(probe)));
        }
      } catch (Exception e) {
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
          return Optional.empty();
        }
        throw e instanceof ServletException servlet ? servlet : new ServletException(e);
      }
    }
    return Optional.empty();
  }

  /** The path as routing matches it: each segment percent-decoded, its path parameters dropped. */
  private static String decodedPath(HttpServletRequest request) {
    var path = new StringBuilder();
    for (PathContainer.Element element : ServletRequestPathUtils.getParsedRequestPath(request)
        .pathWithinApplication().elements()) {
      path.append(element instanceof PathContainer.PathSegment segment
          ? segment.valueToMatch()
          : element.value());
    }
    return path.toString();
  }

  /**
   * A route: the pattern its handler is mapped to ({@code /api/v1/orders}) and the request's
   * decoded path.
   */
  record Route(String pattern, String path) {}

  /** The request, with attributes read from a copy and written only to that copy. */
  private static final class AttributesOfItsOwn extends HttpServletRequestWrapper {

    private final Map<String, Object> attributes = new HashMap<>();

    AttributesOfItsOwn(HttpServletRequest request) {
      super(request);
      for (String name : Collections.list(request.getAttributeNames())) {
        attributes.put(name, request.getAttribute(name));
      }
    }

    @Override
    public @Nullable Object getAttribute(String name) {
      return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
      return Collections.enumeration(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, @Nullable Object value) {
      if (value == null) {
        attributes.remove(name);
      } else {
        attributes.put(name, value);
      }
    }

    @Override
    public void removeAttribute(String name) {
      attributes.remove(name);
    }
  }
}
