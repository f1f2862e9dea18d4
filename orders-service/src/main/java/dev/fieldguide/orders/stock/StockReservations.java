package dev.fieldguide.orders.stock;

import dev.fieldguide.orders.catalog.ProductStock;
import dev.fieldguide.orders.db.TransactionRetry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;

/**
 * Takes stock at most once per caller-chosen reservation id: the reservation row (unique id) and
 * the conditional decrement commit in one transaction, so a retry after a lost response or a
 * deadline finds the row and takes nothing more. A transaction that loses a race (a deadlock
 * with another writer of the row or the id) is run again from the start ({@link TransactionRetry}):
 * the rolled-back attempt claimed nothing, so the retry claims the id as if first.
 */
@Service
class StockReservations {

  /**
   * Claims the id for this product and quantity. {@code INSERT ... SELECT FROM products} inserts
   * nothing for an unknown product (no foreign-key error to catch), and {@code ON CONFLICT DO
   * NOTHING} inserts nothing for a taken id. A concurrent call with the same id waits here on the
   * unique index until the first commits (then it finds the row) or rolls back (then it inserts).
   */
  private static final String CLAIM = """
      INSERT INTO stock_reservations (reservation_id, product_id, quantity)
      SELECT ?, id, ? FROM products WHERE id = ?
      ON CONFLICT (reservation_id) DO NOTHING
      RETURNING reserved_at
      """;

  private final JdbcClient jdbc;
  private final ProductStock stock;
  private final TransactionRetry retry;

  StockReservations(JdbcClient jdbc, ProductStock stock, TransactionRetry retry) {
    this.jdbc = jdbc;
    this.stock = stock;
    this.retry = retry;
  }

  /** A reservation as made, or as first made when {@code replayed}. */
  record Reservation(String reservationId, long productId, int quantity, Instant reservedAt,
      boolean replayed) {}

  /**
   * Takes {@code quantity} units of {@code productId} under {@code reservationId}, or returns the
   * reservation an earlier call with this id made.
   *
   * @throws StockRequestRefused unknown product, not enough stock (nothing taken, no row kept),
   *     or the id already reserved something else
   * @throws dev.fieldguide.orders.db.TransactionConflict every attempt lost a race
   */
  Reservation reserve(String reservationId, long productId, int quantity,
      CallDeadline deadline) {
    return retry.run(Isolation.DEFAULT,
        tx -> reserveOnce(reservationId, productId, quantity, deadline));
  }

  private Reservation reserveOnce(String reservationId, long productId, int quantity,
      CallDeadline deadline) {
    deadline.boundStatements(jdbc);
    Optional<OffsetDateTime> claimed = jdbc.sql(CLAIM).params(reservationId, quantity, productId)
        .query(OffsetDateTime.class).optional();
    if (claimed.isEmpty()) {
      return earlier(reservationId, productId, quantity);
    }
    if (!stock.take(productId, quantity)) {
      // Thrown out of the transaction: the claimed row goes with the rollback, so a later retry
      // with this id is a new attempt (nothing was taken by this one).
      throw new StockRequestRefused(StockRequestRefused.Reason.INSUFFICIENT_STOCK,
          "product %d has fewer than %d units available".formatted(productId, quantity));
    }
    return new Reservation(reservationId, productId, quantity, claimed.get().toInstant(), false);
  }

  /** Nothing was claimed: the id is already taken, or there is no such product. */
  private Reservation earlier(String reservationId, long productId, int quantity) {
    Reservation earlier = jdbc.sql("""
        SELECT product_id, quantity, reserved_at FROM stock_reservations WHERE reservation_id = ?
        """).param(reservationId)
        .query((rs, row) -> new Reservation(reservationId, rs.getLong(1), rs.getInt(2),
            rs.getObject(3, OffsetDateTime.class).toInstant(), true))
        .optional()
        .orElseThrow(() -> new StockRequestRefused(StockRequestRefused.Reason.UNKNOWN_PRODUCT,
            "no product with id %d".formatted(productId)));
    if (earlier.productId() != productId || earlier.quantity() != quantity) {
      throw new StockRequestRefused(StockRequestRefused.Reason.RESERVATION_ID_TAKEN,
          "reservation_id %s already reserved %d unit(s) of product %d".formatted(reservationId,
              earlier.quantity(), earlier.productId()));
    }
    return earlier;
  }
}
