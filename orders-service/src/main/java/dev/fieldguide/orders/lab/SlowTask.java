package dev.fieldguide.orders.lab;

import dev.fieldguide.orders.jobs.RetryPolicy;
import dev.fieldguide.orders.jobs.Task;
import dev.fieldguide.orders.jobs.TaskContext;
import dev.fieldguide.orders.jobs.TimeLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Fixture task {@code slow}, under a 300 ms soft and 1 s hard time limit: its first {@code
 * blockAttempts} attempts (argument, default all) block until {@link #release} or 30 s. At the
 * soft limit's interrupt it records {@code cleaned-up} and stops; with {@code ignoreInterrupt:
 * true} it records {@code ignored-interrupt} and goes on blocking. Two attempts, 200 ms apart.
 */
@Component
@ConditionalOnBooleanProperty("fieldguide.lab.enabled")
public class SlowTask implements Task {

  public static final TimeLimits LIMITS = new TimeLimits(Duration.ofMillis(300),
      Duration.ofSeconds(1));
  public static final RetryPolicy POLICY = new RetryPolicy(2, Duration.ofMillis(200),
      Duration.ofMillis(200), 0);
  private static final Duration LONGEST_BLOCK = Duration.ofSeconds(30);

  private final Map<UUID, CountDownLatch> releases = new ConcurrentHashMap<>();
  private final Map<UUID, List<String>> events = new ConcurrentHashMap<>();

  @Override
  public String type() {
    return "slow";
  }

  @Override
  public RetryPolicy retryPolicy() {
    return POLICY;
  }

  @Override
  public TimeLimits timeLimits() {
    return LIMITS;
  }

  @Override
  public @Nullable Object run(TaskContext context) throws InterruptedException {
    if (context.attempt() > context.arguments().path("blockAttempts").asInt(Integer.MAX_VALUE)) {
      return Map.of("attempt", context.attempt());
    }
    boolean ignoreInterrupt = context.arguments().path("ignoreInterrupt").asBoolean(false);
    CountDownLatch release = releases.computeIfAbsent(context.runId(),
        id -> new CountDownLatch(1));
    long deadline = System.nanoTime() + LONGEST_BLOCK.toNanos();
    while (true) {
      try {
        release.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        record(context.runId(), "finished");
        return Map.of("attempt", context.attempt());
      } catch (InterruptedException e) {
        if (!ignoreInterrupt) {
          record(context.runId(), "cleaned-up"); // where a real task would release what it holds
          throw e;
        }
        record(context.runId(), "ignored-interrupt");
      }
    }
  }

  /** Lets a blocked attempt of {@code runId} finish. */
  public void release(UUID runId) {
    releases.computeIfAbsent(runId, id -> new CountDownLatch(1)).countDown();
  }

  /** What the attempts of {@code runId} did, in order. */
  public List<String> events(UUID runId) {
    return List.copyOf(events.getOrDefault(runId, List.of()));
  }

  private void record(UUID runId, String event) {
    events.computeIfAbsent(runId, id -> new CopyOnWriteArrayList<>()).add(event);
  }
}
