package dev.fieldguide.orders.outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumer {@code sales-stats}: per-day order count and revenue. PG9: the counter row is created or
 * incremented in one {@code INSERT ... ON CONFLICT DO UPDATE}, so two first orders of a day
 * racing each other still end in one row with both counted.
 */
@Component
class SalesStatsHandler implements EventHandler {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  SalesStatsHandler(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public String consumer() {
    return "sales-stats";
  }

  @Override
  public void apply(Map<String, String> message) {
    EventHandler.orderPlaced(message, json).ifPresent(order -> count(
        LocalDate.ofInstant(Instant.parse(order.path("placedAt").asString()), ZoneOffset.UTC),
        order.path("totalCents").asLong()));
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
