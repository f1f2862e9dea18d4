package dev.fieldguide.orders.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses queries that are too deep or too costly before any field runs, so a hostile or careless
 * query costs a parse and a walk of its document, never a statement. Boot hands every
 * {@code Instrumentation} bean to graphql-java; both checks run when the operation starts.
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
}
