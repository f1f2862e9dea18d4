package dev.fieldguide.orders.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  @Test
  void aDeadlockVictimIsRetriedAndBothTransactionsComplete() throws Exception {
    long a = data.productWithStock(100, 100);
    long b = data.productWithStock(100, 100);
    var bothHoldTheirFirstRow = new CountDownLatch(2);
    AtomicInteger attempts = new AtomicInteger();
    // Each transaction takes one row, waits until the other holds its row, then wants that one.
    Callable<Integer> ab = () -> retry.run(Isolation.READ_COMMITTED,
        () -> lockBothInOrder(a, b, bothHoldTheirFirstRow, attempts));
    Callable<Integer> ba = () -> retry.run(Isolation.READ_COMMITTED,
        () -> lockBothInOrder(b, a, bothHoldTheirFirstRow, attempts));

    try (var pool = Executors.newFixedThreadPool(2)) {
      Future<Integer> first = pool.submit(ab);
      Future<Integer> second = pool.submit(ba);
      first.get(30, TimeUnit.SECONDS);
      second.get(30, TimeUnit.SECONDS);
    }

    assertThat(attempts.get()).as("two first attempts and one retry of the deadlock victim")
        .isEqualTo(3);
    assertThat(data.stockOf(a)).isEqualTo(98);
    assertThat(data.stockOf(b)).isEqualTo(98);
  }

  @Test
  void writeSkewHappensUnderReadCommitted() throws Exception {
    long[] pair = {data.productWithStock(100, 1), data.productWithStock(100, 1)};

    runBothTakingTheirUnitIfTheOtherKeepsOne(pair, Isolation.READ_COMMITTED);

    assertThat(data.stockOf(pair[0]) + data.stockOf(pair[1]))
        .as("each saw 2 in total and took 1: the invariant 'at least 1 left' is broken")
        .isZero();
  }

  @Test
  void serializablePreventsWriteSkewAndTheRetrySeesTheNewState() throws Exception {
    long[] pair = {data.productWithStock(100, 1), data.productWithStock(100, 1)};

    runBothTakingTheirUnitIfTheOtherKeepsOne(pair, Isolation.SERIALIZABLE);

    assertThat(data.stockOf(pair[0]) + data.stockOf(pair[1])).isEqualTo(1);
  }

  /**
   * Two transactions, each: read the total of both products; if at least 2, take one unit of
   * "its" product. Both read before either writes, so each decides on a stale total.
   */
  private void runBothTakingTheirUnitIfTheOtherKeepsOne(long[] pair, Isolation isolation)
      throws Exception {
    var bothHaveRead = new CountDownLatch(2);
    List<Future<Boolean>> results = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(2)) {
      for (long mine : pair) {
        results.add(pool.submit(() -> retry.run(isolation, () -> {
          long total = jdbc.sql("SELECT sum(stock) FROM products WHERE id IN (?, ?)")
              .params(pair[0], pair[1]).query((rs, row) -> rs.getLong(1)).single();
          bothHaveRead.countDown();
          awaitQuietly(bothHaveRead);
          if (total < 2) {
            return false;
          }
          jdbc.sql("UPDATE products SET stock = stock - 1 WHERE id = ?").param(mine).update();
          return true;
        })));
      }
      for (Future<Boolean> result : results) {
        result.get(30, TimeUnit.SECONDS);
      }
    }
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
