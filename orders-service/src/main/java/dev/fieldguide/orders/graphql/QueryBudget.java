package dev.fieldguide.orders.graphql;

import dev.fieldguide.orders.ratelimit.RateLimitCharge;
import dev.fieldguide.orders.web.Problems;
import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.util.TraversalControl;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;

/**
 * What one operation may ask for and what it pays, settled before any field runs. Root fields are
 * bounded: each alias of {@code order(id:)} is a lookup of its own, so 1,000 aliases would be
 * 1,000 lookups in one request. And the operation pays its cost in rate-limit tokens, not one
 * token per request: at least a token per root field (each runs as one REST call would) and at
 * least a token per {@code complexity-per-token} of weighted complexity.
 */
final class QueryBudget extends SimplePerformantInstrumentation {

  private static final ErrorClassification TOO_MANY_REQUESTS = ErrorClassification
      .errorClassification("TOO_MANY_REQUESTS");

  private final int maxRootFields;
  private final int complexityPerToken;

  QueryBudget(GraphQlLimitsProperties limits) {
    this.maxRootFields = limits.maxRootFields();
    this.complexityPerToken = limits.complexityPerToken();
  }

  @Override
  public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    ExecutionContext execution = parameters.getExecutionContext();
    int rootFields = rootFields(execution);
    if (rootFields > maxRootFields) {
      throw refusal(ErrorType.BAD_REQUEST, "TOO_MANY_ROOT_FIELDS",
          "maximum root fields exceeded %d > %d".formatted(rootFields, maxRootFields));
    }
    RateLimitCharge charge = execution.getGraphQLContext().get(RateLimitCharge.class);
    if (charge == null) {
      return null; // no limit applies (or the limiter is off)
    }
    int tokens = tokens(rootFields, complexity(execution));
    if (tokens > 1) {
      // The limiter took the first token before the query was read.
      OptionalLong retryAfter = charge.take(tokens - 1);
      if (retryAfter.isPresent()) {
        throw refusal(TOO_MANY_REQUESTS, "RATE_LIMITED",
            "Rate limit '%s' exceeded: this query costs %d tokens; retry after %d s."
                .formatted(charge.policyName(), tokens, retryAfter.getAsLong()));
      }
    }
    return null;
  }

  /** The tokens an operation costs: 1 at the least. */
  private int tokens(int rootFields, int complexity) {
    return Math.max(1, Math.max(rootFields,
        (complexity + complexityPerToken - 1) / complexityPerToken));
  }

  /**
   * The operation's root fields by response key, fragments and inline fragments included and
   * {@code @skip}/{@code @include} applied: what would run.
   */
  private static int rootFields(ExecutionContext execution) {
    Set<String> keys = new HashSet<>();
    traverser(execution).visitPreOrder(new QueryVisitorStub() {
      @Override
      public TraversalControl visitFieldWithControl(QueryVisitorFieldEnvironment field) {
        keys.add(field.getField().getResultKey());
        return TraversalControl.ABORT; // their selections are not root fields
      }
    });
    return keys.size();
  }

  private static int complexity(ExecutionContext execution) {
    return QueryComplexityCalculator.newCalculator()
        .fieldComplexityCalculator(new PageWeightedComplexity())
        .schema(execution.getGraphQLSchema()).document(execution.getDocument())
        .operationName(execution.getOperationDefinition().getName())
        .variables(execution.getCoercedVariables()).build().calculate();
  }

  private static QueryTraverser traverser(ExecutionContext execution) {
    return QueryTraverser.newQueryTraverser().schema(execution.getGraphQLSchema())
        .document(execution.getDocument())
        .operationName(execution.getOperationDefinition().getName())
        .coercedVariables(execution.getCoercedVariables()).build();
  }

  private static AbortExecutionException refusal(ErrorClassification classification,
      String code, String message) {
    return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
        .errorType(classification).message(message).extensions(Map.of(Problems.CODE, code))
        .build()));
  }
}
