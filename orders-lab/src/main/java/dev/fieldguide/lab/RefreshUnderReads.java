package dev.fieldguide.lab;

import dev.fieldguide.orders.reporting.DailySalesReport;
import dev.fieldguide.orders.reporting.DailySalesView;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PG8 lab's reader harness: report reads running while the view refreshes, counting the
 * reads that failed (a read that waits longer than its lock_timeout fails, so "blocked" shows up
 * as "failed"). The plain REFRESH here is the lab's counter-example, never the service's path.
 */
@Component
class RefreshUnderReads {

  static final int READERS = 4;
  private static final String PLAIN_REFRESH = "REFRESH MATERIALIZED VIEW daily_product_sales";

  private final DailySalesView view;
  private final DailySalesReport report;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final TransactionTemplate readOnly;

  RefreshUnderReads(DailySalesView view, DailySalesReport report, JdbcClient jdbc,
      PlatformTransactionManager transactionManager) {
    this.view = view;
    this.report = report;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
  }

  /** Reads made, reads failed, the slowest read, and refreshes done meanwhile. */
  record Outcome(int reads, int failed, long slowestMillis, int refreshes) {}

  /**
   * Holds a refresh's transaction (and its lock) open while each reader reads three times with a
   * 100 ms lock_timeout: what readers see during a refresh that takes longer than they can wait.
   */
  Outcome whileHeld(boolean concurrently) {
    view.refresh(); // populated, so CONCURRENTLY is possible
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<?> holder = threads.submit(() -> transactions.executeWithoutResult(status -> {
        if (concurrently) {
          view.refresh(); // the service's refresh, joining this transaction
        } else {
          jdbc.sql(PLAIN_REFRESH).update();
        }
        locked.countDown();
        await(done);
      }));
      await(locked);
      List<Future<Outcome>> readers = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        readers.add(threads.submit(() -> shortWaitReads(3)));
      }
      Outcome total = sum(readers, 1);
      done.countDown();
      holder.get(5, TimeUnit.MINUTES);
      return total;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The service's own refresh, repeated, while readers read the report through the service
   * (its 1 s lock_timeout): at least one refresh and at least {@code atLeast} of reading.
   */
  Outcome whileRefreshing(LocalDate from, LocalDate to, Duration atLeast) {
    AtomicBoolean refreshing = new AtomicBoolean(true);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Outcome>> readers = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        readers.add(threads.submit(() -> serviceReads(from, to, refreshing)));
      }
      long until = System.nanoTime() + atLeast.toNanos();
      int refreshes = 0;
      do {
        view.refresh();
        refreshes++;
      } while (refreshes < 3 && System.nanoTime() < until);
      refreshing.set(false);
      return sum(readers, refreshes);
    }
  }

  private Outcome shortWaitReads(int count) {
    int ok = 0;
    int failed = 0;
    long slowest = 0;
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      try {
        readOnly.executeWithoutResult(status -> {
          jdbc.sql("SELECT set_config('lock_timeout', '100ms', true)").query(String.class)
              .single();
          jdbc.sql("SELECT count(*) FROM daily_product_sales").query(Long.class).single();
        });
        ok++;
      } catch (DataAccessException lockTimeout) {
        failed++;
      }
      slowest = Math.max(slowest, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }
    return new Outcome(ok + failed, failed, slowest, 0);
  }

  private Outcome serviceReads(LocalDate from, LocalDate to, AtomicBoolean refreshing) {
    int reads = 0;
    int failed = 0;
    long slowest = 0;
    while (refreshing.get()) {
      long start = System.nanoTime();
      try {
        report.read(from, to, null);
      } catch (DataAccessException e) {
        failed++;
      }
      reads++;
      slowest = Math.max(slowest, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }
    return new Outcome(reads, failed, slowest, 0);
  }

  private static Outcome sum(List<Future<Outcome>> readers, int refreshes) {
    int reads = 0;
    int failed = 0;
    long slowest = 0;
    try {
      for (Future<Outcome> reader : readers) {
        Outcome outcome = reader.get(5, TimeUnit.MINUTES);
        reads += outcome.reads();
        failed += outcome.failed();
        slowest = Math.max(slowest, outcome.slowestMillis());
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return new Outcome(reads, failed, slowest, refreshes);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("gave up waiting");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
