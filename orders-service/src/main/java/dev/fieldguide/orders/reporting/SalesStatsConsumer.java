package dev.fieldguide.orders.reporting;

import dev.fieldguide.orders.orders.Order;
import dev.fieldguide.orders.outbox.EventConsumer;
import dev.fieldguide.orders.outbox.EventMetadata;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Consumer {@code sales-stats}: per-day order count and revenue. PG9: the counter row is created or
 * incremented in one {@code INSERT ... ON CONFLICT DO UPDATE}, so two first orders of a day
 * racing each other still end in one row with both counted.
 */
@Component
class SalesStatsConsumer implements EventConsumer<Order.OrderPlaced> {

  private final JdbcClient jdbc;

  SalesStatsConsumer(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "sales-stats";
  }

  @Override
  public Class<Order.OrderPlaced> eventType() {
    return Order.OrderPlaced.class;
  }

  @Override
  public void apply(Order.OrderPlaced placed, EventMetadata metadata) {
    count(LocalDate.ofInstant(placed.placedAt(), ZoneOffset.UTC), placed.totalCents());
  }

  void count(LocalDate day, long revenueCents) {
    jdbc.sql("""
        INSERT INTO daily_sales (day, orders, revenue_cents) VALUES (?, 1, ?)
        ON CONFLICT (day) DO UPDATE
          SET orders = daily_sales.orders + 1,
              revenue_cents = daily_sales.revenue_cents + excluded.revenue_cents
        """).params(day, revenueCents).update();
  }
}
