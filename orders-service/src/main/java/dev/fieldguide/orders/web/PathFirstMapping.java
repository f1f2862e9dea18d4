package dev.fieldguide.orders.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's handler mapping, refusing a mapping on its path before anything else about the
 * request.
 *
 * <p>A path with a variable ({@code /api/v1/products/{id}}) cannot be looked up directly, so Spring
 * MVC tries every mapping, and {@link RequestMappingInfo#getMatchingCondition} checks a mapping's
 * method, params, headers, consumes and produces before its path: each through the request
 * wrappers of the filter chain, {@code produces} parsing the {@code Accept} header, and a CORS
 * pre-flight test in most of them. Checking the path first, only the few mappings that share it
 * pay for the rest. Which method wins and every 404, 405, 406 and 415 stay Spring's: a mapping
 * refused here would have been refused anyway, and the no-match answers are worked out from all
 * mappings afterwards, as before.
 */
class PathFirstMapping extends RequestMappingHandlerMapping {

  @Override
  protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info,
      HttpServletRequest request) {
    PathPatternsRequestCondition paths = info.getPathPatternsCondition();
    if (paths != null && paths.getMatchingCondition(request) == null) {
      return null;
    }
    return super.getMatchingMapping(info, request);
  }
}
