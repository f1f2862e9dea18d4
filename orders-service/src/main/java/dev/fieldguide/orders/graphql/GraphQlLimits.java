package dev.fieldguide.orders.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses queries that are too deep, too costly or too wide before any field runs, so a hostile
 * or careless query costs a parse and a walk of its document, never a statement, and charges an
 * admitted one its cost in rate-limit tokens ({@link QueryBudget}). Boot hands every
 * {@code Instrumentation} bean to graphql-java; the checks run when the operation starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlLimitsProperties.class)
class GraphQlLimits {

  @Bean
  MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimitsProperties limits) {
    return new MaxQueryDepthInstrumentation(limits.maxDepth());
  }

  @Bean
  MaxQueryComplexityInstrumentation maxQueryComplexity(GraphQlLimitsProperties limits) {
    return new MaxQueryComplexityInstrumentation(limits.maxComplexity(),
        new PageWeightedComplexity());
  }

  /** Declared after the two above, so a query they refuse is never charged for. */
  @Bean
  QueryBudget queryBudget(GraphQlLimitsProperties limits) {
    return new QueryBudget(limits);
  }
}
