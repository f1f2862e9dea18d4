package dev.fieldguide.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * D8: the percentage rollout sends exactly its share of v1 list calls to the new single-query
 * path, keyed by request id, and both paths answer identically.
 */
@IntegrationTest
class OrderListRolloutIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  StatementCounter statements;

  @Autowired
  OrderListRollout rollout;

  @Autowired
  MeterRegistry meters;

  @AfterEach
  void backToTheConfiguredShare() {
    rollout.setPercent(0);
  }

  @Test
  void theConfiguredShareOfRequestsTakesTheNewPath() {
    rollout.setPercent(30);
    double before = newPathCalls();

    for (int i = 0; i < 200; i++) {
      api.get("/api/v1/orders?limit=5", Map.of("X-Request-ID", "rollout-" + i));
    }

    long expected = IntStream.range(0, 200)
        .filter(i -> Math.floorMod(("rollout-" + i).hashCode(), 100) < 30).count();
    assertThat(newPathCalls() - before).isEqualTo((double) expected);
    assertThat(expected).isBetween(40L, 80L); // about 30% of 200, so the test means something
  }

  @Test
  void theNewPathServesAPageInOneStatement() {
    data.orders(5, 3);
    rollout.setPercent(100);
    statements.reset();

    var response = api.get("/api/v1/orders?limit=5");

    assertThat(response.jsonBody().path("items")).hasSize(5);
    statements.assertSelectCount(1);
  }

  @Test
  void bothPathsAnswerIdenticallyPageAfterPage() {
    data.orders(6, 2);
    rollout.setPercent(0);
    var current1 = api.get("/api/v1/orders?limit=4").body();
    String cursor = api.get("/api/v1/orders?limit=4").jsonBody().path("nextCursor").asString();
    var current2 = api.get("/api/v1/orders?limit=4&cursor=" + cursor).body();
    rollout.setPercent(100);
    var candidate1 = api.get("/api/v1/orders?limit=4").body();
    var candidate2 = api.get("/api/v1/orders?limit=4&cursor=" + cursor).body();

    assertThat(candidate1).isEqualTo(current1);
    assertThat(candidate2).isEqualTo(current2);
  }

  @Test
  void theSameRequestIdAlwaysTakesTheSamePath() {
    rollout.setPercent(50);

    assertThat(IntStream.range(0, 5).mapToObj(i -> rollout.takesNewPath("sticky-id")).distinct())
        .hasSize(1);
  }

  private double newPathCalls() {
    return meters.counter("fieldguide.rollout.order_list", "path", "single-query").count();
  }
}
