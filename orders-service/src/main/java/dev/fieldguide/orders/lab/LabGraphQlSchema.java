package dev.fieldguide.orders.lab;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the lab's schema extension ({@code graphql-lab/one-by-one.graphqls}: the one-by-one
 * fields of {@link OneByOneGraphQlFixture}) to the GraphQL schema. The file lives outside
 * {@code classpath:graphql/}, the folder Boot scans, so without this bean — in {@code prod} —
 * the fields do not exist at all.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("fieldguide.lab.enabled")
class LabGraphQlSchema {

  static final String EXTENSION = "graphql-lab/one-by-one.graphqls";

  @Bean
  GraphQlSourceBuilderCustomizer labSchemaExtension() {
    return builder -> builder.schemaResources(new ClassPathResource(EXTENSION));
  }
}
