package dev.fieldguide.orders.graphql;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
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
 *
 * <p>Requests are read by that mapper too, so they are as strict as every other body (issue 18:
 * {@code web.StrictJson}); a body of JSON {@code null} is refused as a missing one, where Spring's
 * handler would fail on it with a 500.
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
    return new GraphQlHttpHandler(handler, new NoNullBodies(keepingNulls));
  }

  /** Reads a body of {@code null} as no body at all: a 400 problem, not a null request. */
  private static final class NoNullBodies extends JacksonJsonHttpMessageConverter {

    NoNullBodies(JsonMapper json) {
      super(json);
    }

    // The handler reads by class, which lands here.
    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
      @Nullable Object body = super.readInternal(type, input);
      if (body == null) {
        throw new HttpMessageNotReadableException("The request body is null.", input);
      }
      return body;
    }
  }
}
