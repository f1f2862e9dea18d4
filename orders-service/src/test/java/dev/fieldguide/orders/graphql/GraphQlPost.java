package dev.fieldguide.orders.graphql;

import dev.fieldguide.orders.support.Api;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A GraphQL document posted to {@code /graphql} over a real socket, as any HTTP client sends it. */
record GraphQlPost(Api api, JsonMapper json) {

  Api.Response query(String document) {
    return api.post("/graphql", json.writeValueAsString(Map.of("query", document)),
        Map.of("Content-Type", "application/json"));
  }
}
