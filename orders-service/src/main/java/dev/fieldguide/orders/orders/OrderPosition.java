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

  static OrderPosition of(Order order) {
    return new OrderPosition(order.getCreatedAt(), order.getId());
  }

  /** Microseconds: PostgreSQL's timestamp precision, so the key round-trips exactly. */
  List<String> keys() {
    return List.of(String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, createdAt)),
        String.valueOf(id));
  }

  static OrderPosition fromKeys(List<String> keys) {
    try {
      return new OrderPosition(Instant.EPOCH.plus(Long.parseLong(keys.get(0)), ChronoUnit.MICROS),
          Long.parseLong(keys.get(1)));
    } catch (NumberFormatException e) {
      throw KeysetCursors.invalid();
    }
  }
}
