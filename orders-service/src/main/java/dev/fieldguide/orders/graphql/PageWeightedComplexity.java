package dev.fieldguide.orders.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;

/**
 * The cost of a field for {@code MaxQueryComplexityInstrumentation}: 1 plus what it selects, and
 * for the paged {@code orders} field what it selects times {@code first}, since every selected
 * field is paid once per order on the page. graphql-java's default counts each field once, so
 * {@code orders(first: 100)} would cost the same as {@code orders(first: 1)}.
 */
final class PageWeightedComplexity implements FieldComplexityCalculator {

  @Override
  public int calculate(FieldComplexityEnvironment environment, int childComplexity) {
    if (environment.getFieldDefinition().getName().equals("orders")
        && environment.getParentType().getName().equals("Query")) {
      int first = environment.getArguments().get("first") instanceof Integer given
          ? Math.max(given, 1)
          : OrderGraphQlController.DEFAULT_PAGE;
      return 1 + childComplexity * first;
    }
    return 1 + childComplexity;
  }
}
