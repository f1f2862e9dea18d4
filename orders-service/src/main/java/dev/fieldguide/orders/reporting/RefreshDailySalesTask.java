package dev.fieldguide.orders.reporting;

import dev.fieldguide.orders.jobs.RetryPolicy;
import dev.fieldguide.orders.jobs.Task;
import dev.fieldguide.orders.jobs.TaskContext;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * PG8/C5: {@code refresh-daily-sales}, the periodic job that keeps the daily sales view fresh
 * (every 5 minutes, {@code fieldguide.jobs.schedules}). The cron trigger fires on one node per
 * firing and never overlaps itself; a failed refresh is not retried, the next firing is its retry
 * (and the freshness gauge shows the gap). Running it twice is harmless: a refresh is idempotent.
 */
@Component
class RefreshDailySalesTask implements Task {

  static final String TYPE = "refresh-daily-sales";

  private final DailySalesView view;

  RefreshDailySalesTask(DailySalesView view) {
    this.view = view;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public RetryPolicy retryPolicy() {
    return RetryPolicy.NO_RETRY;
  }

  @Override
  public Object run(TaskContext context) {
    DailySalesView.Refresh refresh = view.refresh();
    return Map.of("view", DailySalesView.VIEW, "concurrently", refresh.concurrently(),
        "durationMillis", refresh.durationMillis(), "asOf", refresh.asOf().toString());
  }
}
