package dev.fieldguide.orders.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.jobs.JobScheduler;
import dev.fieldguide.orders.jobs.TaskContext;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * C2: the same task for the same order, run twice — queued twice, run at the same moment, or
 * written by two holders whose lock leases overlapped — awards the order's points once.
 */
@IntegrationTest
class IdempotentTaskIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  JsonMapper json;

  @Autowired
  JobScheduler scheduler;

  @Autowired
  AwardLoyaltyPoints task;

  @Autowired
  LoyaltyLedger ledger;

  @Test
  void theSameAwardQueuedTwiceChangesTheDataOnce() {
    long order = data.orderWithLines(2).orderId(); // total 1 x 1.00 + 2 x 2.00 = 5.00: 5 points
    JsonNode arguments = json.readTree("{\"orderId\": %d}".formatted(order));

    List<UUID> runs = List.of(scheduler.enqueue(task.type(), arguments, Instant.now()),
        scheduler.enqueue(task.type(), arguments, Instant.now()));

    List<JsonNode> results = runs.stream().map(run -> await().atMost(Duration.ofSeconds(20))
        .until(() -> api.get("/api/v1/jobs/" + run).jsonBody(),
            view -> view.path("state").asString().equals("SUCCEEDED"))
        .path("result")).toList();
    assertThat(results).extracting(result -> result.path("awarded").asBoolean())
        .containsExactlyInAnyOrder(true, false);
    assertThat(results).allSatisfy(result -> assertThat(result.path("points").asLong())
        .isEqualTo(5));
    assertAwardedOnce(order, 5);
  }

  @Test
  void eightRunsOfTheTaskAtTheSameMomentAwardOnce() {
    long order = data.orderWithLines(3).orderId(); // 1 + 4 + 9 = 14.00: 14 points
    JsonNode arguments = json.readTree("{\"orderId\": %d}".formatted(order));

    List<LoyaltyLedger.Award> awards = Concurrently.run(8,
        i -> () -> task.run(new TaskContext(UUID.randomUUID(), 1, arguments)));

    assertThat(awards).filteredOn(LoyaltyLedger.Award::awarded).hasSize(1);
    assertAwardedOnce(order, 14);
  }

  @Test
  void holdersWhoseLeasesOverlappedStillAwardOnce() {
    // What the lock cannot promise: a holder stalls past its lease, the next one takes the lock,
    // and both write. Sixteen writers at once, with no lock at all, stand for that.
    long order = data.orderWithLines(1).orderId(); // 1.00: 1 point

    List<LoyaltyLedger.Award> awards = Concurrently.run(16,
        i -> () -> ledger.award(order, UUID.randomUUID()));

    assertThat(awards).filteredOn(LoyaltyLedger.Award::awarded).hasSize(1);
    assertAwardedOnce(order, 1);
  }

  @Test
  void anUnknownOrderIsDeadWithoutRetries() {
    UUID run = scheduler.enqueue(task.type(), json.readTree("{\"orderId\": 999999999}"),
        Instant.now());

    JsonNode view = await().atMost(Duration.ofSeconds(20)).until(
        () -> api.get("/api/v1/jobs/" + run).jsonBody(),
        v -> v.path("state").asString().equals("DEAD"));
    assertThat(view.path("attempts").asInt()).isEqualTo(1);
  }

  private void assertAwardedOnce(long order, long points) {
    long customer = jdbc.sql("SELECT customer_id FROM orders WHERE id = ?").param(order)
        .query((rs, row) -> rs.getLong(1)).single();
    assertThat(jdbc.sql("SELECT count(*) FROM loyalty_awards WHERE order_id = ?").param(order)
        .query((rs, row) -> rs.getLong(1)).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT points FROM loyalty_balances WHERE customer_id = ?")
        .param(customer).query((rs, row) -> rs.getLong(1)).single()).isEqualTo(points);
  }
}
