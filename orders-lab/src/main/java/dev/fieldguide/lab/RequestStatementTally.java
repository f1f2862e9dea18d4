package dev.fieldguide.lab;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Counts the statements one REST request prepares on its thread, for a lab that asks with
 * {@value StatementTally#REQUEST_HEADER}: the count is that request's alone, so a lab can add up
 * what its own requests cost while other clients load the same service. The body is held back
 * until the count is known (it goes in a header); only requests that ask are touched.
 */
@Component
class RequestStatementTally extends OncePerRequestFilter {

  private final String graphQlPath;

  RequestStatementTally(@Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
    this.graphQlPath = graphQlPath;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // GraphQL fetches fields on other threads; GraphQlStatementTally counts those requests.
    return request.getHeader(StatementTally.REQUEST_HEADER) == null
        || graphQlPath.equals(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    var held = new ContentCachingResponseWrapper(response);
    try (var tally = StatementTally.open()) {
      chain.doFilter(request, held);
      held.setHeader(StatementTally.RESPONSE_HEADER, String.valueOf(tally.statements()));
    }
    held.copyBodyToResponse();
  }
}
