package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * D4 under load: customers place orders, each with an {@code Idempotency-Key}, and every key is
 * sent again by a second client arrival right behind the first (a retry after a lost response);
 * an attempt answered 409 (the first is still in flight) is retried after its
 * {@code Retry-After}. Invariant, read back through the API afterwards: each customer has exactly
 * one new order per key it used, the one every answer for that key named (0 duplicates).
 */
public final class IdempotentOrdersSimulation extends Simulation {

  private static final long FIRST_CUSTOMER = 101;
  private static final long LAST_CUSTOMER = 150;
  private static final String PLACE = "POST order with Idempotency-Key";

  /** Per customer: the orders it had before the load (taken in {@code before()}). */
  private final Map<Long, Set<Long>> existing = new ConcurrentHashMap<>();
  /** Per customer and key: the orders the answers named (one, when the key holds). */
  private final Map<Long, Map<String, Set<Long>>> answered = new ConcurrentHashMap<>();
  private final AtomicLong inFlightAnswers = new AtomicLong();
  private final AtomicLong newOrders = new AtomicLong();

  {
    LoadProfile profile = LoadProfile.current();
    ChainBuilder place = exec(session -> session.set("status", 409))
        .exec(asLongAs(session -> session.getInt("status") == 409 && session.getInt("try") < 10,
            "try").on(
                exec(http(PLACE).post("/api/v1/orders").header("Authorization", "Bearer #{token}")
                    .header("Idempotency-Key", "#{key}")
                    .body(StringBody("{\"customerId\": #{customerId}, \"lines\": "
                        + "[{\"productId\": #{productId}, \"quantity\": 1}]}"))
                    .check(status().in(201, 409).saveAs("status"),
                        header("Location").optional().saveAs("location")))
                    .doIf(session -> session.getInt("status") == 409)
                    .then(exec(session -> {
                      inFlightAnswers.incrementAndGet();
                      return session;
                    }), pause(Duration.ofSeconds(1)))))
        .exec(this::record);
    ScenarioBuilder orders = scenario("orders with retried keys")
        .feed(new RetriedKeys(FIRST_CUSTOMER, LAST_CUSTOMER, 2)).exec(place);
    ChainBuilder oneOrderPerKey = foreach(
        LongStream.rangeClosed(FIRST_CUSTOMER, LAST_CUSTOMER).boxed().toList(), "customer")
        .on(exec(http("one new order per key")
            .get("/api/v2/orders?customerId=#{customer}&limit=100")
            .header("Authorization", "Bearer " + Meters.ADMIN_TOKEN)
            .check(status().is(200), jsonPath("$.items[*].id").ofLong().findAll()
                .validate("one new order per key, the one its answers named", this::newOrders))))
        .exec(this::reportTotals);
    setUp(Invariants.after(orders.injectOpen(profile.arrivals(0.4)), "idempotent orders",
        oneOrderPerKey))
        .protocols(Traffic.protocol())
        .assertions(Slo.withInvariants(Map.of(PLACE, 500)));
  }

  @Override
  public void before() {
    for (long customer = FIRST_CUSTOMER; customer <= LAST_CUSTOMER; customer++) {
      existing.put(customer,
          Set.copyOf(ServiceApi.ids("/api/v2/orders?limit=100&customerId=" + customer)));
    }
  }

  private Session record(Session session) {
    String location = session.getString("location");
    if (session.getInt("status") == 201 && location != null) {
      answered.computeIfAbsent(session.getLong("customerId"), c -> new ConcurrentHashMap<>())
          .computeIfAbsent(session.getString("key"), k -> ConcurrentHashMap.newKeySet())
          .add(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
    }
    return session;
  }

  private List<Long> newOrders(List<Long> ids, Session session) {
    long customer = session.getLong("customer");
    Set<Long> created = new HashSet<>(ids);
    created.removeAll(existing.getOrDefault(customer, Set.of()));
    if (ids.size() == 100 && created.size() == 100) {
      throw new IllegalStateException("more than a page of new orders for customer " + customer);
    }
    Map<String, Set<Long>> keys = answered.getOrDefault(customer, Map.of());
    keys.forEach((key, orders) -> {
      if (orders.size() != 1) {
        throw new IllegalStateException("key " + key + " was answered with orders " + orders);
      }
    });
    Set<Long> named = keys.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    if (!created.equals(named)) {
      throw new IllegalStateException("customer " + customer + ": " + keys.size() + " keys named "
          + named + " but the new orders are " + created);
    }
    newOrders.addAndGet(created.size());
    return ids;
  }

  private Session reportTotals(Session session) {
    long keys = answered.values().stream().mapToLong(Map::size).sum();
    Invariants.report("idempotent orders", "keys=%d new orders=%d duplicates=%d 409 answers=%d"
        .formatted(keys, newOrders.get(), newOrders.get() - keys, inFlightAnswers.get()));
    return session;
  }
}
