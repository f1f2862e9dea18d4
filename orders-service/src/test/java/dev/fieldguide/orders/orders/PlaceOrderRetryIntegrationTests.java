package dev.fieldguide.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.DeadlockPartner;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import dev.fieldguide.orders.support.TransactionRetries;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PG4 on the real write path: {@code POST /api/v1/orders} whose transaction PostgreSQL aborts as a
 * deadlock victim is run again inside the same keyed request (the {@code Idempotency-Key} filter's
 * transaction is the one retried) and answers 201 with exactly one order, one outbox event and one
 * stored response; when every attempt loses, the answer is a 503 that says to retry, and nothing
 * of the request is kept — not even its key.
 */
@IntegrationTest
class PlaceOrderRetryIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  DataSource dataSource;

  @Autowired
  MeterRegistry meters;

  @Autowired
  DomainEventListeners listeners;

  /**
   * The placement takes stock in product-id order: it updates {@code first}, then waits for
   * {@code second}, which the test's session holds; the session then wants {@code first}. That is
   * a deadlock, and the placement is its victim (see {@link DeadlockPartner}).
   */
  @Test
  void aPlacementChosenAsDeadlockVictimIsRetriedAndPlacedExactlyOnce() throws Exception {
    long customer = data.customer();
    long first = data.productWithStock(1_000, 10);
    long second = data.productWithStock(2_000, 10);
    String key = UUID.randomUUID().toString();
    String body = """
        {"customerId": %d, "lines": [{"productId": %d, "quantity": 2},
                                     {"productId": %d, "quantity": 3}]}"""
        .formatted(customer, second, first);
    double deadlocksBefore = TransactionRetries.of(meters, "40P01");

    CompletableFuture<Api.Response> placed;
    try (var partner = DeadlockPartner.open(dataSource, jdbc)) {
      partner.execute("UPDATE products SET stock = stock WHERE id = ?", second);
      placed = CompletableFuture.supplyAsync(() -> place(key, body));
      partner.awaitSomeoneBlocked();
      partner.execute("UPDATE products SET stock = stock WHERE id = ?", first);
    }
    Api.Response response = placed.get(30, TimeUnit.SECONDS);

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    long order = response.jsonBody().path("id").asLong();
    assertThat(TransactionRetries.of(meters, "40P01")).as("one deadlock, one retry")
        .isEqualTo(deadlocksBefore + 1);
    assertThat(ordersOf(customer)).isEqualTo(1);
    assertThat(outboxEventsOf(order)).isEqualTo(1);
    assertThat(listeners.handledAfterCommit).containsOnlyOnce(order);
    assertThat(data.stockOf(first)).as("taken once").isEqualTo(7);
    assertThat(data.stockOf(second)).isEqualTo(8);
    assertThat(storedResponses(key)).isEqualTo(1);

    Api.Response replayed = place(key, body);

    assertThat(replayed.status()).isEqualTo(201);
    assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replayed.body()).isEqualTo(response.body());
    assertThat(ordersOf(customer)).isEqualTo(1);
    assertThat(outboxEventsOf(order)).isEqualTo(1);
    assertThat(data.stockOf(first)).isEqualTo(7);
    assertThat(storedResponses(key)).isEqualTo(1);
  }

  /**
   * Placement runs at READ COMMITTED, where PostgreSQL never raises a serialization failure by
   * itself; a trigger on one product raises {@code 40001} on every stock update, so every attempt
   * loses. The key is not stored (a 5xx never is), so the same request succeeds once the race is
   * gone.
   */
  @Test
  void whenEveryAttemptLosesTheClientIsToldToRetryAndNothingIsKept() throws Exception {
    long customer = data.customer();
    long fine = data.productWithStock(1_000, 10);
    long contested = data.productWithStock(2_000, 10);
    String key = UUID.randomUUID().toString();
    String body = """
        {"customerId": %d, "lines": [{"productId": %d, "quantity": 1},
                                     {"productId": %d, "quantity": 1}]}"""
        .formatted(customer, fine, contested);
    long events = data.count("outbox_events");
    double lostBefore = TransactionRetries.of(meters, "40001");

    Api.Response refused;
    try (var race = AlwaysLostRace.on(jdbc, contested)) {
      refused = place(key, body);
    }

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.jsonBody().path("code").asString()).isEqualTo("TRANSACTION_CONFLICT");
    assertThat(TransactionRetries.of(meters, "40001")).as("5 attempts, 4 retries")
        .isEqualTo(lostBefore + 4);
    assertThat(ordersOf(customer)).isZero();
    assertThat(data.count("outbox_events")).isEqualTo(events);
    assertThat(data.stockOf(fine)).as("the line that fitted was given back").isEqualTo(10);
    assertThat(storedResponses(key)).isZero();

    Api.Response retried = place(key, body);

    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.header("Idempotent-Replayed")).isEmpty();
    assertThat(ordersOf(customer)).isEqualTo(1);
  }

  private Api.Response place(String key, String body) {
    return api.post("/api/v1/orders", body, Map.of("Content-Type", "application/json",
        "Idempotency-Key", key));
  }

  private long ordersOf(long customer) {
    return jdbc.sql("SELECT count(*) FROM orders WHERE customer_id = ?").param(customer)
        .query(Long.class).single();
  }

  private long outboxEventsOf(long order) {
    return jdbc.sql("SELECT count(*) FROM outbox_events WHERE aggregate_type = 'order'"
        + " AND aggregate_id = ?").param(String.valueOf(order)).query(Long.class).single();
  }

  private long storedResponses(String key) {
    return jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?").param(key)
        .query(Long.class).single();
  }

  /** A trigger that fails every stock update of one product with a serialization failure. */
  private record AlwaysLostRace(JdbcClient jdbc, String trigger) implements AutoCloseable {

    static AlwaysLostRace on(JdbcClient jdbc, long product) {
      jdbc.sql("""
          CREATE OR REPLACE FUNCTION test_lost_race() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            RAISE EXCEPTION 'lost a race (test)' USING ERRCODE = 'serialization_failure';
          END $$""").update();
      String trigger = "lost_race_" + product;
      jdbc.sql("CREATE TRIGGER %s BEFORE UPDATE ON products FOR EACH ROW WHEN (OLD.id = %d)"
          .formatted(trigger, product) + " EXECUTE FUNCTION test_lost_race()").update();
      return new AlwaysLostRace(jdbc, trigger);
    }

    @Override
    public void close() {
      jdbc.sql("DROP TRIGGER " + trigger + " ON products").update();
    }
  }
}
