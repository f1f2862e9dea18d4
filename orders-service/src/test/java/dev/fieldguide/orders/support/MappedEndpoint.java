package dev.fieldguide.orders.support;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One endpoint of the running application as its request mappings declare it, and what its
 * handler takes (path variables, query parameters, a body), so a sweep over the endpoints covers
 * a new one without being edited: the refusal-shape and hostile-input sweeps and the per-endpoint
 * query budgets all walk these. {@code POST /graphql}, a functional route, is added by hand.
 */
public record MappedEndpoint(String method, String pattern, @Nullable HandlerMethod handler) {

  public static final String GRAPHQL = "/graphql";
  private static final String FIXTURES = "dev.fieldguide.fixtures";

  /**
   * Every endpoint the controllers declare with a method (so not the container's error page),
   * and {@code POST /graphql}.
   */
  public static List<MappedEndpoint> all(RequestMappingHandlerMapping mappings) {
    return declared(List.of(mappings), false);
  }

  /**
   * Every endpoint {@code mappings} declare (the controllers', the actuator's), and {@code POST
   * /graphql}; a mapping that names no method (the error page, which answers them all) as its GET.
   */
  public static List<MappedEndpoint> everyIn(
      Collection<? extends RequestMappingInfoHandlerMapping> mappings) {
    return declared(mappings, true);
  }

  private static List<MappedEndpoint> declared(
      Collection<? extends RequestMappingInfoHandlerMapping> mappings, boolean methodlessAsGet) {
    List<MappedEndpoint> all = new ArrayList<>();
    mappings.forEach(mapping -> mapping.getHandlerMethods().forEach((info, handler) -> {
      var methods = info.getMethodsCondition().getMethods();
      (methods.isEmpty() && methodlessAsGet ? Set.of(RequestMethod.GET) : methods)
          .forEach(method -> info.getPatternValues()
              .forEach(pattern -> all.add(new MappedEndpoint(method.name(), pattern, handler))));
    }));
    all.add(new MappedEndpoint("POST", GRAPHQL, null));
    all.sort(Comparator.comparing(MappedEndpoint::toString));
    return all;
  }

  /** Whether a shared test fixture (a lab route, a wrong-way variant) maps it: not the service's. */
  public boolean isFixture() {
    return handler != null && handler.getBeanType().getPackageName().startsWith(FIXTURES);
  }

  /** Whether it is the container's error page, where failed requests are forwarded. */
  public boolean isErrorPage() {
    return handler != null && ErrorController.class.isAssignableFrom(handler.getBeanType());
  }

  public boolean takesBody() {
    return handler == null || bodyType() != null;
  }

  /** The type a JSON body is read into; null for GraphQL (Spring's own) and bodiless endpoints. */
  public @Nullable Class<?> bodyType() {
    return handler == null
        ? null
        : parameters().stream().filter(p -> p.hasParameterAnnotation(RequestBody.class))
            .map(MethodParameter::getParameterType).findFirst().orElse(null);
  }

  /** The named path variables and query parameters of the handler. */
  public List<Param> params() {
    List<Param> params = new ArrayList<>();
    for (MethodParameter parameter : parameters()) {
      PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
      RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
      if (path != null) {
        params.add(new Param(nameOf(path.name(), parameter), parameter.getParameterType(), true,
            true));
      } else if (query != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
        params.add(new Param(nameOf(query.name(), parameter), parameter.getParameterType(), false,
            query.required() && query.defaultValue().equals(ValueConstants.DEFAULT_NONE)
                && !parameter.isOptional()));
      }
    }
    return params;
  }

  /**
   * The request target: each path variable and each required query parameter gets a harmless
   * value of its type ({@code existingId} for numbers), unless {@code given} names it.
   */
  public String target(long existingId, Map<String, String> given) {
    String path = pattern;
    var query = new StringBuilder();
    for (Param param : params()) {
      String value = given.getOrDefault(param.name(), param.sample(existingId));
      if (param.inPath()) {
        path = path.replace("{" + param.name() + "}", value);
      } else if (param.required() || given.containsKey(param.name())) {
        query.append(query.isEmpty() ? "?" : "&").append(param.name()).append('=').append(value);
      }
    }
    // A pattern variable no parameter binds (a fixture's {policy}) still needs a segment.
    return path.replaceAll("\\{[^}]+}", "sweep") + query;
  }

  private List<MethodParameter> parameters() {
    return handler == null ? List.of() : List.of(handler.getMethodParameters());
  }

  private static String nameOf(String declared, MethodParameter parameter) {
    String name = declared.isEmpty() ? parameter.getParameterName() : declared;
    if (name == null) {
      throw new IllegalStateException("compile with -parameters: " + parameter);
    }
    return name;
  }

  @Override
  public String toString() {
    return method + " " + pattern;
  }

  /** A path variable or query parameter: its name, its Java type, where it goes. */
  public record Param(String name, Class<?> type, boolean inPath, boolean required) {

    public boolean numeric() {
      return Number.class.isAssignableFrom(type) || type == long.class || type == int.class
          || type == short.class || type == byte.class;
    }

    public boolean date() {
      return type == LocalDate.class;
    }

    public String sample(long existingId) {
      if (numeric()) {
        return String.valueOf(existingId);
      }
      if (date()) {
        return LocalDate.now(ZoneOffset.UTC).toString();
      }
      if (type == UUID.class) {
        return UUID.randomUUID().toString();
      }
      if (type.isEnum()) {
        return ((Enum<?>) type.getEnumConstants()[0]).name();
      }
      return "sweep";
    }
  }
}
