package dev.fieldguide.orders.jobs;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * C9: {@code recompute-order-totals}, a long job made resumable. It walks {@code orders} by key
 * with {@link ChunkedOrderUpdate} and sets each order's total to the sum of its lines; when an
 * attempt dies, the retry resumes after the last chunk that committed.
 */
@Component
class RecomputeOrderTotalsTask implements Task {

  static final String TYPE = "recompute-order-totals";
  static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofSeconds(1),
      Duration.ofMinutes(1), 0.5);
  private static final String RECOMPUTE_CHUNK = """
      UPDATE orders o SET total_cents = (
        SELECT coalesce(sum(l.quantity * l.unit_price_cents), 0)
        FROM order_lines l WHERE l.order_id = o.id)
      WHERE o.id > ? AND o.id <= ?
      """;

  private final ChunkedOrderUpdate chunks;

  RecomputeOrderTotalsTask(ChunkedOrderUpdate chunks) {
    this.chunks = chunks;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public RetryPolicy retryPolicy() {
    return POLICY;
  }

  @Override
  public @Nullable Object run(TaskContext context) throws InterruptedException {
    return chunks.run(context, RECOMPUTE_CHUNK);
  }
}
