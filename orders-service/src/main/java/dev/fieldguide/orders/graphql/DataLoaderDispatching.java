package dev.fieldguide.orders.graphql;

import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Makes "one statement per level" hold under load, not just on a quiet machine.
 *
 * <p>The default per-level dispatching sends a DataLoader's batch when graphql-java thinks a
 * level is done. Here the products are asked for from the lines, which themselves come back from
 * another DataLoader's future. In one full-suite run on a busy machine, one line's product went
 * out alone before the other 149: 5 statements instead of 4.
 * Exhausted dispatching sends a batch only when nothing else can make progress, so every product
 * id of the page is in it.
 */
@Component
class DataLoaderDispatching implements WebGraphQlInterceptor {

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    request.configureExecutionInput((input,
        builder) -> builder.graphQLContext(context -> context.put(
            DataLoaderDispatchingContextKeys.ENABLE_DATA_LOADER_EXHAUSTED_DISPATCHING,
            true)).build());
    return chain.next(request);
  }
}
