package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Map;

/**
 * A3 under load: customers read a page of their orders with customer, lines and products, over
 * GraphQL (the associations batched) and over REST. Invariant, on every response: the statements
 * the request ran, which the lab application reports when asked ({@code X-Lab-Count-Statements}),
 * stay at the batched bound, 4 for GraphQL and 2 for REST, however many orders and lines a page
 * has; one N+1 slipping in under load fails it. Needs the lab-enabled application.
 */
public final class GraphQlSimulation extends Simulation {

  private static final String GRAPHQL = "POST /graphql orders page (batched)";
  private static final String REST = "GET /api/v1/orders page";
  private static final String QUERY = "{\"query\": \"{ orders(first: 20) { items { id status "
      + "totalCents createdAt customer { id email name } lines { quantity unitPriceCents "
      + "product { id sku name priceCents } } } nextCursor } }\"}";

  {
    LoadProfile profile = LoadProfile.current();
    ScenarioBuilder graphql = scenario("GraphQL page").feed(Callers.customers(1, 200))
        .exec(http(GRAPHQL).post("/graphql").header("Authorization", "Bearer #{token}")
            .header("X-Lab-Count-Statements", "true").body(StringBody(QUERY))
            .check(status().is(200), jsonPath("$.errors").notExists(),
                jsonPath("$.data.orders.items[0].lines[0].product.sku").exists(),
                header("X-Lab-Statements").transform(Integer::valueOf).lte(4)));
    ScenarioBuilder rest = scenario("REST page").feed(Callers.customers(1, 200))
        .exec(http(REST).get("/api/v1/orders?limit=20").header("Authorization", "Bearer #{token}")
            .header("X-Lab-Count-Statements", "true")
            .check(status().is(200), jsonPath("$.items[0].lines[0]").exists(),
                header("X-Lab-Statements").transform(Integer::valueOf).lte(2)));
    setUp(graphql.injectOpen(profile.arrivals(0.5)), rest.injectOpen(profile.arrivals(0.5)))
        .protocols(Traffic.protocol())
        .assertions(Slo.of(Map.of(GRAPHQL, 500, REST, 250)));
  }
}
