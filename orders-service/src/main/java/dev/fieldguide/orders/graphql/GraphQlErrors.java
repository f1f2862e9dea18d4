package dev.fieldguide.orders.graphql;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.web.Problems;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * A5 for GraphQL: the service's client errors (the domain refusals REST answers as 400 / 404
 * problems) become GraphQL errors with a classification and the same stable {@code code}, e.g.
 * {@code {"message": "No order with id 7.", "extensions": {"classification": "NOT_FOUND",
 * "code": "ORDER_NOT_FOUND"}}}.
 *
 * <p>Anything else is left to Spring for GraphQL, which answers {@code INTERNAL_ERROR} with an
 * opaque message and logs the exception: no SQL, class name or stack trace reaches the client.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

  @Override
  protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
    if (!(ex instanceof DomainException refusal)) {
      return null;
    }
    ErrorType type = classify(Problems.statusOf(refusal.kind()).value());
    if (type == null) {
      return null;
    }
    return GraphqlErrorBuilder.newError(env).errorType(type).message(refusal.detail())
        .extensions(Map.of(Problems.CODE, refusal.code())).build();
  }

  private static @Nullable ErrorType classify(int status) {
    return switch (status) {
      case 401 -> ErrorType.UNAUTHORIZED;
      case 403 -> ErrorType.FORBIDDEN;
      case 404 -> ErrorType.NOT_FOUND;
      default -> status >= 400 && status < 500 ? ErrorType.BAD_REQUEST : null;
    };
  }
}
