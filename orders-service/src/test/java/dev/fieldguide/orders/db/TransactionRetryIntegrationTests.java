package dev.fieldguide.orders.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import dev.fieldguide.orders.support.TransactionRetries;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Isolation;

/**
 * PG4: a real deadlock is retried and both transactions complete; write skew slips through READ
 * COMMITTED and is stopped by SERIALIZABLE (whose loser is retried and sees the new state).
 */
@IntegrationTest
class TransactionRetryIntegrationTests {

  @Autowired
  TransactionRetry retry;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TestData data;

  @Autowired
  MeterRegistry meters;

  @Test
  void aDeadlockVictimIsRetriedAndBothTransactionsComplete() {
    long a = data.productWithStock(100, 100);
    long b = data.productWithStock(100, 100);
    var bothHoldTheirFirstRow = new CountDownLatch(2);
    AtomicInteger attempts = new AtomicInteger();
    // Each transaction takes one row, waits until the other holds its row, then wants that one.
    long[][] lockOrder = {{a, b}, {b, a}};
    Concurrently.run(2, i -> () -> retry.run(Isolation.READ_COMMITTED,
        tx -> lockBothInOrder(lockOrder[i][0], lockOrder[i][1], bothHoldTheirFirstRow, attempts)));

    assertThat(attempts.get()).as("two first attempts and one retry of the deadlock victim")
        .isEqualTo(3);
    assertThat(data.stockOf(a)).isEqualTo(98);
    assertThat(data.stockOf(b)).isEqualTo(98);
  }

  @Test
  void writeSkewHappensUnderReadCommitted() {
    long[] pair = {data.productWithStock(100, 1), data.productWithStock(100, 1)};

    runBothTakingTheirUnitIfTheOtherKeepsOne(pair, Isolation.READ_COMMITTED);

    assertThat(data.stockOf(pair[0]) + data.stockOf(pair[1]))
        .as("each saw 2 in total and took 1: the invariant 'at least 1 left' is broken")
        .isZero();
  }

  @Test
  void serializablePreventsWriteSkewAndTheRetrySeesTheNewState() {
    long[] pair = {data.productWithStock(100, 1), data.productWithStock(100, 1)};
    double before = TransactionRetries.of(meters, "40001");

    runBothTakingTheirUnitIfTheOtherKeepsOne(pair, Isolation.SERIALIZABLE);

    assertThat(data.stockOf(pair[0]) + data.stockOf(pair[1])).isEqualTo(1);
    assertThat(TransactionRetries.of(meters, "40001"))
        .as("PostgreSQL's own serialization failure, retried once")
        .isEqualTo(before + 1);
  }

  /**
   * Two transactions, each: read the total of both products; if at least 2, take one unit of
   * "its" product. Both read before either writes, so each decides on a stale total.
   */
  private void runBothTakingTheirUnitIfTheOtherKeepsOne(long[] pair, Isolation isolation) {
    var bothHaveRead = new CountDownLatch(2);
    Concurrently.run(2, i -> () -> retry.run(isolation, tx -> {
      long total = jdbc.sql("SELECT sum(stock) FROM products WHERE id IN (?, ?)")
          .params(pair[0], pair[1]).query((rs, row) -> rs.getLong(1)).single();
      bothHaveRead.countDown();
      awaitQuietly(bothHaveRead);
      if (total < 2) {
        return false;
      }
      jdbc.sql("UPDATE products SET stock = stock - 1 WHERE id = ?").param(pair[i]).update();
      return true;
    }));
  }

  private int lockBothInOrder(long first, long second, CountDownLatch bothHold,
      AtomicInteger attempts) {
    attempts.incrementAndGet();
    jdbc.sql("UPDATE products SET stock = stock - 1 WHERE id = ?").param(first).update();
    bothHold.countDown();
    awaitQuietly(bothHold);
    return jdbc.sql("UPDATE products SET stock = stock - 1 WHERE id = ?").param(second).update();
  }

  /** Waits for the other transaction; on a retry the latch is already open and this returns. */
  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

}
