package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * D5 under write load: customers place orders (each its own key) while an operator samples the
 * relay's backlog age, {@code fieldguide.outbox.lag} (seconds since the oldest unpublished event
 * was written), every second: the commit-to-publish lag, held under {@value #LAG_SLO_SECONDS} s.
 * Invariant, from the meters after the relay has drained ({@code fieldguide.outbox.pending} 0):
 * {@code fieldguide.outbox.published} grew by exactly the orders placed, and nothing failed.
 */
public final class OutboxSimulation extends Simulation {

  private static final double LAG_SLO_SECONDS = 5;
  private static final String PLACE = "POST order";
  private static final String LAG = "outbox lag sample";

  private final AtomicLong placed = new AtomicLong();
  private final AtomicLong maxLagMillis = new AtomicLong();
  private double publishedBefore;
  private double failedBefore;

  {
    LoadProfile profile = LoadProfile.current();
    ScenarioBuilder orders = scenario("orders").feed(Callers.customers(151, 200))
        .exec(session -> session.set("key", UUID.randomUUID().toString()))
        .exec(http(PLACE).post("/api/v1/orders").header("Authorization", "Bearer #{token}")
            .header("Idempotency-Key", "#{key}")
            .body(StringBody(session -> "{\"customerId\": " + session.getLong("customerId")
                + ", \"lines\": [{\"productId\": " + (1 + placed.get() % 100)
                + ", \"quantity\": 1}]}"))
            .check(status().is(201)))
        .exec(session -> {
          placed.incrementAndGet();
          return session;
        });
    Duration sampling = profile.duration().multipliedBy(profile.steps());
    ScenarioBuilder lag = scenario("outbox lag sampler").exec(during(sampling).on(
        exec(Meters.read(LAG, "fieldguide.outbox.lag").check(Meters.value().saveAs("lag")))
            .exec(this::recordLag).exec(pause(Duration.ofSeconds(1)))));
    setUp(Invariants.after(orders.injectOpen(profile.arrivals(0.4)), "outbox",
        Invariants.awaitMeter(pending -> pending == 0, Duration.ofSeconds(60),
            "fieldguide.outbox.pending")
            .exec(Meters.read("every order published once", "fieldguide.outbox.published")
                .check(Meters.value().validate("published == placed", this::publishedOnce)))
            .exec(Meters.read("no publish failed", "fieldguide.outbox.failed")
                .check(Meters.value().is(session -> failedBefore)))),
        lag.injectOpen(atOnceUsers(1)))
        .protocols(Traffic.protocol())
        .assertions(Slo.withInvariants(Map.of(PLACE, 500)));
  }

  @Override
  public void before() {
    publishedBefore = ServiceApi.meter("fieldguide.outbox.published");
    failedBefore = ServiceApi.meter("fieldguide.outbox.failed");
  }

  private Session recordLag(Session session) {
    maxLagMillis.accumulateAndGet(Math.round(session.getDouble("lag") * 1000), Math::max);
    return session;
  }

  private Double publishedOnce(Double published, Session session) {
    long counted = Math.round(published - publishedBefore);
    Invariants.report("outbox", "placed=%d published=%d max sampled lag ms=%d"
        .formatted(placed.get(), counted, maxLagMillis.get()));
    if (counted != placed.get()) {
      throw new IllegalStateException(counted + " events published for " + placed.get()
          + " orders placed");
    }
    if (maxLagMillis.get() > LAG_SLO_SECONDS * 1000) {
      throw new IllegalStateException("commit-to-publish lag reached " + maxLagMillis.get()
          + " ms, over " + LAG_SLO_SECONDS + " s");
    }
    return published;
  }
}
