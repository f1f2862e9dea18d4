package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.web.KeysetCursors;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Where an order sits in the list's sort order ({@code created_at DESC, id DESC}): the keyset
 * the next page continues from.
 */
public record OrderPosition(Instant createdAt, long id) {

  private static final long LATEST_MICROS = ChronoUnit.MICROS.between(Instant.EPOCH,
      Instant.parse("9999-12-31T23:59:59.999999Z"));

  static OrderPosition of(Order order) {
    return new OrderPosition(order.getCreatedAt(), order.getId());
  }

  /** Microseconds: PostgreSQL's timestamp precision, so the key round-trips exactly. */
  List<String> keys() {
    return List.of(String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, createdAt)),
        String.valueOf(id));
  }

  /**
   * The position a cursor's keys name. Each key must be one a row can have: an id from 1, a
   * time from the epoch to the end of year 9999 (a far one reaches PostgreSQL's limits and fails
   * there, a 500 instead of a 400).
   */
  static OrderPosition fromKeys(List<String> keys) {
    return new OrderPosition(
        Instant.EPOCH.plus(KeysetCursors.key(keys.get(0), 0, LATEST_MICROS), ChronoUnit.MICROS),
        KeysetCursors.key(keys.get(1), 1, Long.MAX_VALUE));
  }
}
