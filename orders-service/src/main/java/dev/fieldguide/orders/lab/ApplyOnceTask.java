package dev.fieldguide.orders.lab;

import dev.fieldguide.orders.jobs.ProcessedRuns;
import dev.fieldguide.orders.jobs.Task;
import dev.fieldguide.orders.jobs.TaskContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixture task {@code apply-once}: adds 1 to the {@code job_demo_effects} row of its {@code key},
 * guarded by {@link ProcessedRuns} so that however often a run executes, the effect lands once.
 * A test can {@link #hold} a key: the run's first attempt then waits (in this JVM) until released,
 * which is how a worker is caught "mid-job" before it is stopped; across processes, argument
 * {@code workMillis} makes the first attempt take that long ({@code scripts/worker-crash-drill.sh}).
 */
@Component
@ConditionalOnBooleanProperty("fieldguide.lab.enabled")
public class ApplyOnceTask implements Task {

  public static final String TYPE = "apply-once";
  private static final Duration MAX_HOLD = Duration.ofMinutes(2);
  private static final Map<String, CountDownLatch> HOLDS = new ConcurrentHashMap<>();

  private final ProcessedRuns processed;
  private final TransactionTemplate transactions;
  private final JdbcClient jdbc;

  ApplyOnceTask(ProcessedRuns processed, TransactionTemplate transactions, JdbcClient jdbc) {
    this.processed = processed;
    this.transactions = transactions;
    this.jdbc = jdbc;
  }

  /** Makes the first attempt of runs with {@code key} wait until {@link #release}. */
  public static void hold(String key) {
    HOLDS.put(key, new CountDownLatch(1));
  }

  public static void release(String key) {
    CountDownLatch hold = HOLDS.remove(key);
    if (hold != null) {
      hold.countDown();
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public @Nullable Object run(TaskContext context) throws InterruptedException {
    String key = context.arguments().path("key").asString("");
    CountDownLatch hold = HOLDS.get(key);
    if (hold != null && context.attempt() == 1) {
      hold.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
    }
    long workMillis = context.arguments().path("workMillis").asLong(0);
    if (workMillis > 0 && context.attempt() == 1) {
      Thread.sleep(Math.min(workMillis, MAX_HOLD.toMillis())); // a long first attempt to kill
    }
    boolean applied = Boolean.TRUE.equals(transactions.execute(status -> {
      if (!processed.claim(context.runId())) {
        return false; // this run's effect is already there
      }
      jdbc.sql("""
          INSERT INTO job_demo_effects (effect_key, applied) VALUES (?, 1)
          ON CONFLICT (effect_key) DO UPDATE SET applied = job_demo_effects.applied + 1
          """).param(key).update();
      return true;
    }));
    return Map.of("key", key, "applied", applied);
  }
}
