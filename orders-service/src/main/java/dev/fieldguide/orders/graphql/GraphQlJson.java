package dev.fieldguide.orders.graphql;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL responses keep their nulls. The service's mapper leaves null properties out
 * ({@code spring.jackson.default-property-inclusion: non_null}), which suits the REST bodies but
 * breaks the GraphQL response format: a field that resolved to null ({@code "order": null},
 * {@code "nextCursor": null}) must be there, or a client cannot tell "null" from "not asked".
 * Replaces Boot's handler with one writing through the same mapper, minus that one setting.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlJson {

  @Bean
  GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler, JsonMapper json) {
    JsonMapper keepingNulls = json.rebuild()
        .changeDefaultPropertyInclusion(inclusion -> inclusion
            .withValueInclusion(JsonInclude.Include.ALWAYS)
            .withContentInclusion(JsonInclude.Include.ALWAYS))
        .build();
    return new GraphQlHttpHandler(handler, new JacksonJsonHttpMessageConverter(keepingNulls));
  }
}
