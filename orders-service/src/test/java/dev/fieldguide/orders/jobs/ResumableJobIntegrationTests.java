package dev.fieldguide.orders.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * C9: a chunked job whose attempt dies mid-way resumes after its last committed chunk. The proof
 * is PostgreSQL's own count of writes to {@code orders.total_cents} (a row trigger installed for
 * the test): every order is written exactly once, the first attempt's by the first attempt.
 */
@IntegrationTest
class ResumableJobIntegrationTests {

  private static final int ORDERS = 50;
  private static final int CHUNK = 10;

  @Autowired
  JobScheduler jobs;

  @Autowired
  JobRuns runs;

  @Autowired
  JobCheckpoints checkpoints;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  DataSource dataSource;

  @Autowired
  TestData data;

  @Autowired
  JsonMapper json;

  @BeforeEach
  void countWritesToOrderTotals() {
    jdbc.sql("""
        CREATE TABLE IF NOT EXISTS test_order_total_writes (
          order_id bigint NOT NULL, written_at timestamptz NOT NULL DEFAULT clock_timestamp())
        """).update();
    jdbc.sql("""
        CREATE OR REPLACE FUNCTION test_log_order_total_write() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO test_order_total_writes (order_id) VALUES (NEW.id);
          RETURN NEW;
        END $$
        """).update();
    jdbc.sql("""
        CREATE OR REPLACE TRIGGER test_order_total_writes AFTER UPDATE OF total_cents ON orders
        FOR EACH ROW EXECUTE FUNCTION test_log_order_total_write()
        """).update();
  }

  @AfterEach
  void stopCounting() {
    jdbc.sql("DROP TRIGGER IF EXISTS test_order_total_writes ON orders").update();
  }

  @Test
  void aRetryResumesAfterTheLastCommittedChunkSoEveryOrderIsWrittenOnce() throws Exception {
    List<Long> ids = ordersWithWrongTotals();
    UUID runId;
    // A user's transaction holds order 25, in the third chunk: the first attempt commits two
    // chunks, then gives up on that row's lock and fails.
    try (Connection user = dataSource.getConnection()) {
      user.setAutoCommit(false);
      try (PreparedStatement lock = user.prepareStatement(
          "SELECT id FROM orders WHERE id = ? FOR UPDATE")) {
        lock.setLong(1, ids.get(24));
        lock.executeQuery().close();
      }
      runId = jobs.enqueue(RecomputeOrderTotalsTask.TYPE, json.valueToTree(Map.of(
          "fromId", ids.getFirst(), "toId", ids.getLast(), "chunkSize", CHUNK,
          "lockTimeoutMillis", 200)), Instant.now());
      await().atMost(Duration.ofSeconds(15)).until(() -> find(runId).state(),
          "RETRYING"::equals);
      user.rollback();
    }

    JobRunView run = await().atMost(Duration.ofSeconds(15)).until(() -> find(runId),
        it -> it.state().equals("SUCCEEDED"));

    assertThat(run.attempts()).isEqualTo(2);
    JobRunView.Attempt first = run.attemptLog().get(0);
    JobRunView.Attempt second = run.attemptLog().get(1);
    assertThat(first.error()).contains("lock timeout");
    // PostgreSQL's count: each order written once; the first 20 by attempt 1, the rest by 2.
    assertThat(writtenDuring(null, ids)).as("all writes").containsExactlyElementsOf(ids);
    assertThat(writtenDuring(first, ids)).containsExactlyElementsOf(ids.subList(0, 20));
    assertThat(writtenDuring(second, ids)).containsExactlyElementsOf(ids.subList(20, ORDERS));
    assertThat(ordersWithWrongTotal(ids)).isZero();
    // The job's own account agrees: attempt 2 started after the checkpoint of chunk 2.
    JsonNode result = json.readTree(Objects.requireNonNull(run.result()));
    assertThat(result.path("resumedAfterId").asLong()).isEqualTo(ids.get(19));
    assertThat(result.path("processedThisAttempt").asLong()).isEqualTo(ORDERS - 20);
    assertThat(result.path("processed").asLong()).isEqualTo(ORDERS);
    assertThat(checkpoints.find(runId))
        .contains(new JobCheckpoints.Checkpoint(ids.getLast(), ORDERS));
  }

  @Test
  void aChunkSizeOutOfRangeFailsAtOnce() {
    UUID runId = jobs.enqueue(RecomputeOrderTotalsTask.TYPE,
        json.valueToTree(Map.of("chunkSize", 0)), Instant.now());

    JobRunView run = await().atMost(Duration.ofSeconds(15)).until(() -> find(runId),
        it -> it.state().equals("DEAD"));

    assertThat(run.attempts()).isEqualTo(1);
    assertThat(run.error()).contains("chunkSize must be 1 to 10000");
  }

  /** {@value ORDERS} orders with consecutive ids, one or two lines each, and a total of 0. */
  private List<Long> ordersWithWrongTotals() {
    long customer = data.customer();
    long pen = data.product("Pen", 250, Map.of());
    long ink = data.product("Ink", 1_199, Map.of());
    List<Long> ids = jdbc.sql("""
        INSERT INTO orders (customer_id, status, total_cents)
        SELECT ?, 'NEW', 0 FROM generate_series(1, ?) RETURNING id
        """).params(customer, ORDERS).query((rs, row) -> rs.getLong(1)).list().stream()
        .sorted().toList();
    assertThat(ids.getLast() - ids.getFirst()).isEqualTo(ORDERS - 1);
    jdbc.sql("""
        INSERT INTO order_lines (order_id, product_id, quantity, unit_price_cents)
        SELECT id, ?, 1 + id % 3, 250 FROM orders WHERE customer_id = ?
        UNION ALL
        SELECT id, ?, 2, 1199 FROM orders WHERE customer_id = ? AND id % 2 = 0
        """).params(pen, customer, ink, customer).update();
    assertThat(ordersWithWrongTotal(ids)).isEqualTo(ORDERS);
    return ids;
  }

  private long ordersWithWrongTotal(List<Long> ids) {
    return jdbc.sql("""
        SELECT count(*) FROM orders o
        WHERE id BETWEEN ? AND ? AND total_cents <> (
          SELECT sum(quantity * unit_price_cents) FROM order_lines WHERE order_id = o.id)
        """).params(ids.getFirst(), ids.getLast()).query((rs, row) -> rs.getLong(1)).single();
  }

  /** The orders written while {@code attempt} ran (any time if null), one entry per write. */
  private List<Long> writtenDuring(JobRunView.@Nullable Attempt attempt,
      List<Long> ids) {
    OffsetDateTime from = attempt == null ? OffsetDateTime.MIN : attempt.startedAt();
    OffsetDateTime to = attempt == null
        ? OffsetDateTime.MAX
        : Objects.requireNonNull(attempt.finishedAt());
    return jdbc.sql("""
        SELECT order_id FROM test_order_total_writes
        WHERE order_id BETWEEN ? AND ? AND written_at BETWEEN ? AND ?
        ORDER BY order_id
        """).params(ids.getFirst(), ids.getLast(), from, to).query((rs, row) -> rs.getLong(1))
        .list();
  }

  private JobRunView find(UUID runId) {
    return runs.find(runId).orElseThrow();
  }
}
