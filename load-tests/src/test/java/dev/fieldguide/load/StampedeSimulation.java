package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rendezVous;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * R1's stampede under load: in each round an admin evicts one product (a PATCH that sets its
 * price to what it is: the change event evicts the cached entry after the commit) while the
 * round's readers wait, then all of them read it at once, cold. Invariant, from the service's
 * meter afterwards: {@code fieldguide.cache.loads{cache=products}} grew by exactly one load per
 * round, however many readers missed (valid while no other client misses that cache meanwhile).
 */
public final class StampedeSimulation extends Simulation {

  /** {@code FIELDGUIDE_STAMPEDE_PRODUCT}: the product evicted and read, default the seed's 100th. */
  private static final long PRODUCT = Long
      .parseLong(Traffic.setting("FIELDGUIDE_STAMPEDE_PRODUCT", "100"));
  private static final Pattern PRICE = Pattern.compile("\"priceCents\":(\\d+)");
  private static final String READ = "GET product, cold";

  private final LoadProfile profile = LoadProfile.current();
  private final int readers = profile.scaled(100);
  private final int rounds = profile.scaled(5);
  private double loadsBefore;
  private long priceCents;

  {
    ScenarioBuilder stampede = scenario("cold-key stampede").feed(listFeeder(readers()).queue())
        .exec(rounds());
    setUp(Invariants.after(stampede.injectOpen(atOnceUsers(readers)), "stampede",
        exec(Meters.read("one load per round", "fieldguide.cache.loads", "cache", "products")
            .check(Meters.value().validate("one load per round", this::oneLoadPerRound)))))
        .protocols(Traffic.protocol())
        .assertions(Slo.withInvariants(Map.of(READ, 500)));
  }

  @Override
  public void before() {
    Matcher price = PRICE.matcher(ServiceApi.body("/api/v1/products/" + PRODUCT));
    if (!price.find()) {
      throw new IllegalStateException("No price on product " + PRODUCT);
    }
    priceCents = Long.parseLong(price.group(1));
    loadsBefore = ServiceApi.meter("fieldguide.cache.loads", "cache", "products");
  }

  /** Customers 1..readers; the first also evicts, as an admin, before each round's reads. */
  private List<Map<String, Object>> readers() {
    return IntStream.rangeClosed(1, readers).mapToObj(n -> Map.<String, Object>of("token",
        DevTokens.customer(Traffic.BASE_URL, n), "evicts", n == 1)).toList();
  }

  /**
   * The rounds unrolled: a rendezvous opens for good once its users have arrived, so each round
   * needs two of its own (all wait while the product is evicted, then all read).
   */
  private ChainBuilder rounds() {
    ChainBuilder chain = exec(session -> session);
    for (int round = 0; round < rounds; round++) {
      chain = chain.exec(rendezVous(readers))
          .doIf(session -> session.getBoolean("evicts")).then(evict())
          .exec(rendezVous(readers))
          .exec(http(READ).get("/api/v1/products/" + PRODUCT)
              .header("Authorization", "Bearer #{token}").check(status().is(200)));
    }
    return chain;
  }

  private ChainBuilder evict() {
    return exec(http("PATCH product (evicts)").patch("/api/v1/products/" + PRODUCT)
        .header("Authorization", "Bearer " + Meters.ADMIN_TOKEN)
        .body(StringBody(session -> "{\"priceCents\": " + priceCents + "}"))
        .check(status().is(200)));
  }

  private Double oneLoadPerRound(Double loads, Session session) {
    long counted = Math.round(loads - loadsBefore);
    Invariants.report("stampede", "rounds=%d readers=%d loads=%d".formatted(rounds, readers,
        counted));
    if (counted != rounds) {
      throw new IllegalStateException(counted + " loads for " + rounds + " cold rounds");
    }
    return loads;
  }
}
