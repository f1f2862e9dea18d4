package dev.fieldguide.orders.graphql;

import dev.fieldguide.orders.support.Api;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A GraphQL document posted to {@code /graphql} over a real socket, as any HTTP client sends it. */
record GraphQlPost(Api api, JsonMapper json) {

  /**
   * A root field under alias {@code %s}: every field of the schema's order graph on a page of
   * 100, 18 per order, so a weighted complexity of 1,801.
   */
  static final String FULL_PAGE = """
      %s: orders(first: 100) { items { id status totalCents createdAt
        customer { id email name }
        lines { quantity unitPriceCents product { id sku name priceCents } } } nextCursor }""";

  Api.Response query(String document) {
    return api.post("/graphql", json.writeValueAsString(Map.of("query", document)),
        Map.of("Content-Type", "application/json"));
  }
}
