package dev.fieldguide.orders.locking;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import dev.fieldguide.orders.errors.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * R3's protected write: a stock recount sets a product's stock to what was counted. Two recounts
 * at once would overwrite each other, so a recount holds the lock on {@code product-stock:<id>}
 * and its write is fenced by the lock's token.
 */
@Component
public class StockRecount {

  static final Duration LEASE = Duration.ofSeconds(30);

  private final FencedLock locks;
  private final FencedWriter fences;
  private final JdbcClient jdbc;

  StockRecount(FencedLock locks, FencedWriter fences, JdbcClient jdbc) {
    this.locks = locks;
    this.fences = fences;
    this.jdbc = jdbc;
  }

  /** The lock and fence name of a product's stock. */
  public static String resource(long productId) {
    return "product-stock:" + productId;
  }

  /**
   * The whole recount: take the lock (409 {@code RECOUNT_IN_PROGRESS} if another recount has it),
   * count, write under the token, release.
   */
  public int recount(long productId, IntSupplier count) {
    FencedLock.Lease lease = locks.tryAcquire(resource(productId), LEASE)
        .orElseThrow(() -> new DomainException(Kind.CONFLICT, "RECOUNT_IN_PROGRESS",
            "Product %d is being recounted already.".formatted(productId), List.of()));
    try {
      int counted = count.getAsInt();
      apply(lease, productId, counted);
      return counted;
    } finally {
      locks.release(lease); // false if the lease ran out meanwhile; the fence covered the write
    }
  }

  /** Sets the stock under {@code lease}; {@link StaleFencingTokenException} if a newer one wrote. */
  public void apply(FencedLock.Lease lease, long productId, int counted) {
    if (!lease.resource().equals(resource(productId))) {
      throw new IllegalArgumentException(lease.resource() + " does not cover " + productId);
    }
    fences.write(lease.resource(), lease.token(), () -> {
      if (jdbc.sql("UPDATE products SET stock = ? WHERE id = ?").params(counted, productId)
          .update() == 0) {
        throw new NotFoundException("product", productId);
      }
    });
  }
}
