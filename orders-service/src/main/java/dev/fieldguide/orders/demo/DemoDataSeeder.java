package dev.fieldguide.orders.demo;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates customers, products and orders inside PostgreSQL, so a million orders take seconds,
 * not a million round trips.
 *
 * <p>Every value is a function of the row's sequence number (no {@code random()}), so two
 * databases seeded to the same sizes hold the same data. The {@code demo_seed} row records how far
 * seeding got; a run adds only rows beyond it, in chunks that each commit with the new mark, so a
 * crash or a second run never duplicates anything.
 */
@Component
public class DemoDataSeeder {

  private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);
  private static final long ORDER_CHUNK = 250_000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  DemoDataSeeder(JdbcTemplate jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** Tops the database up to the given sizes; returns how many orders it added. */
  public long seed(int customers, int products, long orders) {
    Instant start = Instant.now();
    transactions.executeWithoutResult(tx -> {
      SeedMark mark = lockMark();
      if (customers > mark.customers()) {
        jdbc.update(SeedSql.customers(mark.customers() + 1, customers));
        jdbc.update("UPDATE demo_seed SET customers = ?", customers);
      }
      if (products > mark.products()) {
        jdbc.update(SeedSql.products(mark.products() + 1, products));
        jdbc.update("UPDATE demo_seed SET products = ?", products);
      }
    });
    long added = 0;
    while (true) {
      long chunk = transactions.execute(tx -> seedOrderChunk(orders));
      if (chunk == 0) {
        break;
      }
      added += chunk;
      log.info("Seeded {} orders so far", added);
    }
    log.info("Demo data at {} customers, {} products, {} orders ({} orders added in {} ms)",
        customers, products, orders, added, Duration.between(start, Instant.now()).toMillis());
    return added;
  }

  private long seedOrderChunk(long target) {
    SeedMark mark = lockMark();
    if (mark.orders() >= target) {
      return 0;
    }
    long from = mark.orders() + 1;
    long to = Math.min(target, mark.orders() + ORDER_CHUNK);
    for (String statement : SeedSql.orders(from, to)) {
      jdbc.execute(statement);
    }
    jdbc.update("UPDATE demo_seed SET orders = ?", to);
    return to - from + 1;
  }

  /** Locks the single progress row: a second seeder waits, then sees the work as done. */
  private SeedMark lockMark() {
    return jdbc.queryForObject("SELECT customers, products, orders FROM demo_seed FOR UPDATE",
        (rs, i) -> new SeedMark(rs.getInt(1), rs.getInt(2), rs.getLong(3)));
  }

  private record SeedMark(int customers, int products, long orders) {}
}
