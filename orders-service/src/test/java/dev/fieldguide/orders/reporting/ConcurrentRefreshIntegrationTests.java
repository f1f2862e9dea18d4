package dev.fieldguide.orders.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PG8: report reads are not blocked while the view refreshes. Each case holds a refresh's
 * transaction open — with its lock, as a refresh of a big table would for minutes — while
 * readers read through the report service (1 s lock_timeout). The refresh the service runs
 * (CONCURRENTLY) lets every read through; a plain REFRESH, run here as the counter-example,
 * fails every one of them.
 */
@IntegrationTest
class ConcurrentRefreshIntegrationTests {

  private static final int READERS = 3;
  private static final int READS_EACH = 2;
  private static final LocalDate FROM = LocalDate.parse("2026-01-01");
  private static final LocalDate TO = LocalDate.parse("2026-01-31");

  @Autowired
  DailySalesView view;

  @Autowired
  DailySalesReport report;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  JdbcClient jdbc;

  @BeforeEach
  void populated() {
    view.refresh(); // so the service's next refresh can run concurrently
  }

  @Test
  void readersAreNotBlockedWhileTheServiceRefreshesTheView() throws Exception {
    Held held = readWhileHeld(() -> view.refresh());

    assertThat(held.lockModes()).as("the refresh's locks on the view").contains("ExclusiveLock")
        .doesNotContain("AccessExclusiveLock");
    assertThat(held.failedReads()).as("failed or blocked reads").isZero();
    assertThat(held.reads()).isEqualTo(READERS * READS_EACH);
  }

  @Test
  void aPlainRefreshWouldBlockEveryReader() throws Exception {
    Held held = readWhileHeld(
        () -> jdbc.sql("REFRESH MATERIALIZED VIEW daily_product_sales").update());

    assertThat(held.lockModes()).contains("AccessExclusiveLock");
    assertThat(held.failedReads()).isEqualTo(READERS * READS_EACH);
  }

  /** Runs {@code refresh} in a transaction held open until the readers are done. */
  private Held readWhileHeld(Runnable refresh) throws InterruptedException {
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch readersDone = new CountDownLatch(1);
    try (var holder = Concurrently.start(1, i -> () -> {
      transactions.executeWithoutResult(status -> {
        refresh.run();
        locked.countDown();
        try {
          readersDone.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      return null;
    })) {
      assertThat(locked.await(60, TimeUnit.SECONDS)).as("refresh holds its lock").isTrue();
      List<String> modes = jdbc.sql("""
          SELECT mode FROM pg_locks
          WHERE relation = 'daily_product_sales'::regclass AND granted
          """).query((rs, row) -> Objects.requireNonNull(rs.getString(1))).list();
      List<int[]> outcomes = Concurrently.run(READERS, i -> this::read);
      readersDone.countDown();
      holder.join();
      return new Held(modes, outcomes.stream().mapToInt(outcome -> outcome[0]).sum(),
          outcomes.stream().mapToInt(outcome -> outcome[1]).sum());
    }
  }

  private int[] read() {
    int ok = 0;
    int failed = 0;
    for (int i = 0; i < READS_EACH; i++) {
      try {
        report.read(FROM, TO, null);
        ok++;
      } catch (DataAccessException lockTimeout) {
        failed++;
      }
    }
    return new int[]{ok, failed};
  }

  private record Held(List<String> lockModes, int reads, int failedReads) {}
}
