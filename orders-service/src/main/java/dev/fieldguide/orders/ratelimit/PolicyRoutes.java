package dev.fieldguide.orders.ratelimit;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which policy limits a path: the one whose pattern matches it most specifically, as Spring MVC
 * ranks handler mappings ({@code /api/lab/limited/burst} wins over {@code /api/**}, whichever
 * settings file declared its policy). The filter and the API document both ask it.
 */
final class PolicyRoutes {

  private final List<Route> routes;

  PolicyRoutes(List<RateLimitPolicy> policies) {
    this.routes = policies.stream().flatMap(policy -> policy.paths().stream()
        .map(path -> new Route(PathPatternParser.defaultInstance.parse(path), policy)))
        .sorted(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR))
        .toList();
  }

  /** The policy that limits {@code path}, if any does. */
  Optional<RateLimitPolicy> policyFor(String path) {
    PathContainer container = PathContainer.parsePath(path);
    return routes.stream().filter(route -> route.pattern().matches(container))
        .map(Route::policy).findFirst();
  }

  private record Route(PathPattern pattern, RateLimitPolicy policy) {}
}
