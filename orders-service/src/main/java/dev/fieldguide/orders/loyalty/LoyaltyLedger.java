package dev.fieldguide.orders.loyalty;

import dev.fieldguide.orders.jobs.PermanentFailure;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * C2: the write that must happen once per order. The award row, keyed by the order id, is the
 * record that the effect happened; the balance moves only in the transaction that inserted it.
 */
@Component
class LoyaltyLedger {

  /** One point per whole unit of the order's total. */
  static final long CENTS_PER_POINT = 100;

  private final JdbcClient jdbc;

  LoyaltyLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Awards the order's points unless it has them already. A concurrent second award of the same
   * order waits on the first one's uncommitted row, then inserts nothing: {@code awarded} false.
   */
  @Transactional
  public Award award(long orderId, UUID runId) {
    Order order = jdbc.sql("SELECT customer_id, total_cents FROM orders WHERE id = ?")
        .param(orderId).query((rs, row) -> new Order(rs.getLong(1), rs.getLong(2))).optional()
        .orElseThrow(() -> new PermanentFailure("no order " + orderId));
    long points = order.totalCents() / CENTS_PER_POINT;
    int inserted = jdbc.sql("""
        INSERT INTO loyalty_awards (order_id, customer_id, points, run_id) VALUES (?, ?, ?, ?)
        ON CONFLICT (order_id) DO NOTHING
        """).params(orderId, order.customerId(), points, runId).update();
    if (inserted == 1) {
      jdbc.sql("""
          INSERT INTO loyalty_balances (customer_id, points) VALUES (?, ?)
          ON CONFLICT (customer_id) DO UPDATE SET points = loyalty_balances.points + EXCLUDED.points
          """).params(order.customerId(), points).update();
    }
    return new Award(orderId, points, inserted == 1);
  }

  private record Order(long customerId, long totalCents) {}

  /** The task's result: the order's points, and whether this run is the one that awarded them. */
  record Award(long orderId, long points, boolean awarded) {}
}
