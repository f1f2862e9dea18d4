package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * R1 under load: product reads by id, served cache-aside from Redis, beside an uncached read of
 * the same table (the name search, one full-text SELECT per request), by customers with tokens of
 * their own. Invariant: the cache loaded each product at most once per TTL, however many reads.
 */
public final class ProductReadSimulation extends Simulation {

  /** The lab seed's products. */
  private static final int PRODUCTS = 100;
  /** {@code fieldguide.cache.products.ttl}, the service's default: an entry lives this long. */
  private static final Duration TTL = Duration.ofMinutes(10);
  private static final String CACHED = "GET product by id (cached)";
  private static final String UNCACHED = "GET product search (uncached)";
  /** Words of the seed's product names ({@code SeedSql.products}). */
  private static final List<String> WORDS = List.of("Classic", "Eco", "Pro", "Mini", "Ultra",
      "Mug", "Lamp", "Chair", "Desk", "Kettle", "Backpack", "Notebook", "Headphones");

  private final LoadProfile profile = LoadProfile.current();
  private double loadsBefore;

  {
    ScenarioBuilder cached = scenario("cached product reads").feed(Callers.customers(1, 200))
        .exec(http(CACHED)
            .get(session -> "/api/v1/products/"
                + ThreadLocalRandom.current().nextInt(1, PRODUCTS + 1))
            .header("Authorization", "Bearer #{token}").check(status().is(200)));
    ScenarioBuilder uncached = scenario("uncached product search")
        .feed(Callers.customers(1, 200))
        .feed(listFeeder(WORDS.stream().map(word -> Map.<String, Object>of("word", word)).toList())
            .random())
        .exec(http(UNCACHED).get("/api/v1/products?q=#{word}&limit=10")
            .header("Authorization", "Bearer #{token}").check(status().is(200)));
    long bound = PRODUCTS * (1 + profile.duration().multipliedBy(profile.steps()).toMillis()
        / TTL.toMillis());
    setUp(Invariants.after(cached.injectOpen(profile.arrivals(1)), "product reads",
        exec(Meters.read("cache loads <= products per TTL",
            "fieldguide.cache.loads", "cache", "products")
            .check(Meters.value().validate("at most one load per product per TTL",
                (loads, session) -> atMost(bound, loads))))),
        uncached.injectOpen(profile.arrivals(0.5)))
        .protocols(Traffic.protocol())
        .assertions(Slo.withInvariants(Map.of(CACHED, 100, UNCACHED, 250)));
  }

  private Double atMost(long bound, Double loads) {
    long counted = Math.round(loads - loadsBefore);
    Invariants.report("product reads", "cache loads=%d (at most %d)".formatted(counted, bound));
    if (counted > bound) {
      throw new IllegalStateException(counted + " loads, more than " + bound);
    }
    return loads;
  }

  @Override
  public void before() {
    loadsBefore = ServiceApi.meter("fieldguide.cache.loads", "cache", "products");
  }
}
