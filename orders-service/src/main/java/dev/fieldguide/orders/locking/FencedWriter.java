package dev.fieldguide.orders.locking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R3: the resource's side of fencing. PostgreSQL remembers the newest token that wrote to each
 * resource and, in the same transaction as the protected write, refuses an older one — so a lock
 * holder that paused past its lease (GC, a stalled VM, a slow network) cannot overwrite the work
 * of the holder that came after it.
 */
@Component
class FencedWriter {

  // One statement: insert the first token, or advance to a newer one. An older (or reused) token
  // matches no row, so 0 rows change. The row lock it takes also serialises writers per resource.
  private static final String ADVANCE = """
      INSERT INTO lock_fences (resource, last_token) VALUES (?, ?)
      ON CONFLICT (resource) DO UPDATE SET last_token = EXCLUDED.last_token
      WHERE lock_fences.last_token < EXCLUDED.last_token
      """;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  FencedWriter(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactions);
  }

  /**
   * Runs {@code write} in one transaction with the fence check (joining the caller's transaction
   * if there is one). Throws {@link StaleFencingTokenException}, and nothing is written, when a
   * newer token already wrote to {@code resource}. Each token commits at most once; a write that
   * fails leaves the fence where it was, so its holder can retry with the same token.
   */
  public void write(String resource, long token, Runnable write) {
    transactions.executeWithoutResult(tx -> {
      if (jdbc.sql(ADVANCE).params(resource, token).update() == 0) {
        throw new StaleFencingTokenException(resource, token);
      }
      write.run();
    });
  }
}
