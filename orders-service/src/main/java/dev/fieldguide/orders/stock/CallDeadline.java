package dev.fieldguide.orders.stock;

import io.grpc.Context;
import io.grpc.Deadline;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The time a call has left for its database work: the caller's deadline as gRPC carries it (the
 * {@code grpc-timeout} header becomes the server {@link Context}'s deadline), capped by the
 * server's own ceiling. A call whose deadline already passed (it waited in a queue, or the caller
 * sent a deadline shorter than the trip) is refused before any work, and the rest is handed to
 * PostgreSQL as {@code statement_timeout}, so a caller that gave up does not leave the server
 * waiting on a lock or a slow query on its behalf.
 *
 * @param remaining what the database work may take, never more than the ceiling
 */
record CallDeadline(Duration remaining) {

  /**
   * The current gRPC call's budget.
   *
   * @throws StockRequestRefused {@code DEADLINE_PASSED} when the caller's deadline is already over
   */
  static CallDeadline ofCurrentCall(Duration ceiling) {
    Deadline deadline = Context.current().getDeadline();
    if (deadline == null) {
      return new CallDeadline(ceiling);
    }
    long left = deadline.timeRemaining(TimeUnit.NANOSECONDS);
    if (left <= 0) {
      throw new StockRequestRefused(StockRequestRefused.Reason.DEADLINE_PASSED,
          "the deadline passed before the call started; nothing was done");
    }
    Duration remaining = Duration.ofNanos(left);
    return new CallDeadline(remaining.compareTo(ceiling) < 0 ? remaining : ceiling);
  }

  /**
   * Bounds every statement of the current transaction by the time left ({@code set_config(...,
   * true)} is {@code SET LOCAL}: it ends with the transaction, so the pooled connection goes back
   * with its usual settings). Run it first in the transaction. A timed-out statement fails with
   * SQLState 57014, which {@link StatusMapping} answers as {@code DEADLINE_EXCEEDED}.
   */
  void boundStatements(JdbcClient jdbc) {
    // statement_timeout = 0 means "no limit": under a millisecond left still gets a limit.
    long millis = Math.max(1, remaining.toMillis());
    jdbc.sql("SELECT set_config('statement_timeout', ?, true)").param(millis + "ms")
        .query(String.class).single();
  }
}
