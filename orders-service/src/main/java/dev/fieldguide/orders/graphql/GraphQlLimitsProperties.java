package dev.fieldguide.orders.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fieldguide.graphql.*}: how deep and how costly one query may be before it is refused,
 * unexecuted (see {@link GraphQlLimits}).
 *
 * @param maxDepth the most nested field levels a query may select
 * @param maxComplexity the most weighted fields ({@link PageWeightedComplexity}) a query may select
 */
@ConfigurationProperties("fieldguide.graphql")
record GraphQlLimitsProperties(int maxDepth, int maxComplexity) {}
