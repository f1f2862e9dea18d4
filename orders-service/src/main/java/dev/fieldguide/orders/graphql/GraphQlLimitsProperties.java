package dev.fieldguide.orders.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fieldguide.graphql.*}: how deep, how costly and how wide one query may be before it is
 * refused, unexecuted (see {@link GraphQlLimits}), and how its cost becomes rate-limit tokens.
 *
 * @param maxDepth the most nested field levels a query may select
 * @param maxComplexity the most weighted fields ({@link PageWeightedComplexity}) a query may select
 * @param maxRootFields the most root fields (aliases count one each) an operation may select
 * @param complexityPerToken how much weighted complexity one rate-limit token pays for
 */
@ConfigurationProperties("fieldguide.graphql")
record GraphQlLimitsProperties(int maxDepth, int maxComplexity, int maxRootFields,
    int complexityPerToken) {

  GraphQlLimitsProperties {
    if (maxRootFields < 1 || complexityPerToken < 1) {
      throw new IllegalArgumentException(
          "fieldguide.graphql: max-root-fields and complexity-per-token must be at least 1");
    }
  }
}
