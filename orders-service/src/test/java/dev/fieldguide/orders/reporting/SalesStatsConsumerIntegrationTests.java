package dev.fieldguide.orders.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.EventDelivery;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PG9: the {@code sales-stats} consumer counts every placed order once per day, and racing first
 * orders of a day end in one counter row — the unique key decides, not a check before the insert.
 */
@IntegrationTest
class SalesStatsConsumerIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  EventDelivery events;

  @Autowired
  SalesStatsConsumer salesStats;

  @Test
  void everyPlacedOrderIsCountedOnItsDay() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    events.deliverAll(); // count earlier tests' orders first
    long before = count("SELECT coalesce(sum(orders), 0) FROM daily_sales WHERE day = ?", today);

    placeOrder();
    placeOrder();
    events.deliverAll();

    assertThat(count("SELECT orders FROM daily_sales WHERE day = ?", today))
        .isEqualTo(before + 2);
  }

  @Test
  void racingFirstUpsertsOfADayEndInOneRow(RandomGenerator random) {
    LocalDate day = LocalDate.of(1999, 1, 1).plusDays(random.nextInt(3000));
    Concurrently.run(8, i -> () -> {
      transactions.executeWithoutResult(tx -> salesStats.count(day, 100));
      return day;
    });

    assertThat(count("SELECT count(*) FROM daily_sales WHERE day = ?", day)).isOne();
    assertThat(count("SELECT orders FROM daily_sales WHERE day = ?", day)).isEqualTo(8);
    assertThat(count("SELECT revenue_cents FROM daily_sales WHERE day = ?", day)).isEqualTo(800);
  }

  private void placeOrder() {
    api.placeOrder(data.customer(), data.productWithStock(250, 5));
  }

  private long count(String sql, Object parameter) {
    return jdbc.sql(sql).param(parameter).query((rs, row) -> rs.getLong(1)).single();
  }
}
