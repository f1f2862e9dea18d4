package dev.fieldguide.lab;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Counts the statements one GraphQL request prepares, for a lab that asks with
 * {@value StatementTally#REQUEST_HEADER} and reads the count from
 * {@value StatementTally#RESPONSE_HEADER}.
 *
 * <p>It is {@link StatementTally} again, not a second counter: a request's fields are fetched on
 * other threads than the one that received it, so the tally travels in the Reactor context, and
 * Spring for GraphQL restores it as {@link StatementTally}'s thread-local around every field it
 * fetches (the tally is registered for context propagation).
 */
@Component
class GraphQlStatementTally implements WebGraphQlInterceptor {

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    if (!request.getHeaders().containsHeader(StatementTally.REQUEST_HEADER)) {
      return chain.next(request);
    }
    AtomicInteger tally = new AtomicInteger();
    return chain.next(request)
        .doOnNext(response -> response.getResponseHeaders().set(StatementTally.RESPONSE_HEADER,
            String.valueOf(tally.get())))
        .contextWrite(Context.of(StatementTally.CONTEXT_KEY, tally));
  }
}
