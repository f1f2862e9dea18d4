package dev.fieldguide.orders.lab;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lab fixture, never on a production path: OFFSET pagination over the same order as the real
 * list, kept to show its two faults side by side with keyset — deep pages read and discard every
 * row before them, and rows inserted while a client pages shift later pages (duplicates, skips).
 */
@Component
@ConditionalOnBooleanProperty("fieldguide.lab.enabled")
public class OffsetOrderListing {

  public static final String PAGE_SQL = "SELECT id FROM orders ORDER BY created_at DESC, id DESC OFFSET ? LIMIT ?";

  private final JdbcClient jdbc;

  OffsetOrderListing(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Long> ids(long offset, int limit) {
    return jdbc.sql(PAGE_SQL).params(offset, limit).query((rs, row) -> rs.getLong(1)).list();
  }
}
