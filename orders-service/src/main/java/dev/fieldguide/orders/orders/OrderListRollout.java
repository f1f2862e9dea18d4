package dev.fieldguide.orders.orders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * D8: a percentage rollout of the new order-list query path
 * ({@code fieldguide.rollout.order-list-single-query.percent}, 0 by default).
 *
 * <p>Each request falls in a stable bucket 0–99 derived from its request id, so the same
 * {@code X-Request-ID} always takes the same path (a retried request is served alike), and the
 * share can be raised step by step while {@code fieldguide.rollout.order_list} shows the split.
 */
@Component
class OrderListRollout {

  private final AtomicInteger percent;
  private final OrderListing current;
  private final OrderListSingleQuery candidate;
  private final Counter currentCalls;
  private final Counter candidateCalls;

  OrderListRollout(@Value("${fieldguide.rollout.order-list-single-query.percent:0}") int percent,
      OrderListing current, OrderListSingleQuery candidate, MeterRegistry meters) {
    this.percent = new AtomicInteger(checked(percent));
    this.current = current;
    this.candidate = candidate;
    this.currentCalls = meters.counter("fieldguide.rollout.order_list", "path", "two-queries");
    this.candidateCalls = meters.counter("fieldguide.rollout.order_list", "path", "single-query");
  }

  OrderListing.Slice<OrderResponse> list(String requestId, OrderFilter filter, int limit,
      @Nullable OrderPosition after) {
    if (takesNewPath(requestId)) {
      candidateCalls.increment();
      return candidate.list(filter, limit, after);
    }
    currentCalls.increment();
    return current.list(filter, limit, after);
  }

  /** Whether a request with this id is in the rolled-out share. */
  public boolean takesNewPath(String requestId) {
    return Math.floorMod(requestId.hashCode(), 100) < percent.get();
  }

  /** Moves the rollout; the hook an operator's config refresh or admin endpoint would call. */
  public void setPercent(int newPercent) {
    percent.set(checked(newPercent));
  }

  public int percent() {
    return percent.get();
  }

  private static int checked(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("rollout percent must be 0..100, was " + percent);
    }
    return percent;
  }
}
