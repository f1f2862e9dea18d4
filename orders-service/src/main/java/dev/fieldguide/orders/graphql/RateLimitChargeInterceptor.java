package dev.fieldguide.orders.graphql;

import dev.fieldguide.orders.ratelimit.RateLimitCharge;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Hands the request's rate-limit charge (left by the limiter, which took the first token) to the
 * query's execution, where {@link QueryBudget} charges the query's full cost once it is known.
 */
@Component
class RateLimitChargeInterceptor implements WebGraphQlInterceptor {

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    RateLimitCharge.of(request.getAttributes()).ifPresent(charge -> request.configureExecutionInput(
        (input, builder) -> builder.graphQLContext(context -> context.put(RateLimitCharge.class,
            charge)).build()));
    return chain.next(request);
  }
}
