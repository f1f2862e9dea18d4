package dev.fieldguide.orders.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import dev.fieldguide.orders.tracing.ContinuedTraces;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * D5/PG9: consumers apply each event once — also when the relay publishes it twice, and when a
 * consumer dies before acknowledging and another one reclaims the message.
 */
@IntegrationTest
class InboxConsumerIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  OutboxRelay relay;

  @Autowired
  RedisStreamPublisher publisher;

  @Autowired
  OutboxProperties properties;

  @Autowired
  RedissonClient redisson;

  @Autowired
  NotificationHandler notifications;

  @Autowired
  SalesStatsHandler salesStats;

  @Autowired
  ContinuedTraces traces;

  @Test
  void eachConsumerAppliesAnOrdersEventOnceEvenWhenItIsPublishedTwice() {
    long orderId = placeOrder();
    drainRelay();
    OutboxEvent event = eventOf(orderId);
    publisher.publish(event); // the relay crashed after XADD, before marking: published again
    var notifier = consumer(notifications, "n-1", Duration.ofSeconds(30));

    drain(notifier);

    assertThat(count("SELECT count(*) FROM notifications WHERE order_id = ?", orderId)).isOne();
    assertThat(count("SELECT count(*) FROM processed_events WHERE consumer = 'notifications'"
        + " AND event_id = ?", event.id())).isOne();
  }

  @Test
  void aMessageLeftPendingByADeadConsumerIsReclaimedAndAppliedOnce() {
    long orderId = placeOrder();
    drainRelay();
    AtomicBoolean crashed = new AtomicBoolean();
    EventHandler dyingNotifier = new EventHandler() {
      @Override
      public String consumer() {
        return notifications.consumer();
      }

      @Override
      public void apply(Map<String, String> message) {
        if (String.valueOf(orderId).equals(message.get("aggregateId"))
            && crashed.compareAndSet(false, true)) {
          throw new IllegalStateException("consumer died before commit and ack");
        }
        notifications.apply(message);
      }
    };
    var doomed = consumer(dyingNotifier, "dies-" + UUID.randomUUID(), Duration.ofHours(1));
    boolean died = false;
    while (!died) {
      try {
        died = doomed.consumeOnce() == 0; // caught up without meeting the order: fail below
      } catch (IllegalStateException expected) {
        died = true; // the message stays pending for the dead consumer
      }
    }
    assertThat(count("SELECT count(*) FROM notifications WHERE order_id = ?", orderId)).isZero();

    var survivor = consumer(notifications, "survivor-" + UUID.randomUUID(), Duration.ZERO);
    drain(survivor);

    assertThat(crashed).isTrue();
    assertThat(count("SELECT count(*) FROM notifications WHERE order_id = ?", orderId)).isOne();
  }

  @Test
  void salesStatsCountEveryOrderOnce() {
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    var stats = consumer(salesStats, "s-1", Duration.ofSeconds(30));
    drain(stats); // catch up with events of earlier tests
    long before = count("SELECT coalesce(sum(orders), 0) FROM daily_sales WHERE day = ?", today);

    placeOrder();
    placeOrder();
    drainRelay();
    drain(stats);

    assertThat(count("SELECT orders FROM daily_sales WHERE day = ?", today))
        .isEqualTo(before + 2);
  }

  @Test
  void racingFirstUpsertsOfADayEndInOneRow() throws Exception {
    LocalDate day = LocalDate.of(1999, 1, 1).plusDays(Math.floorMod(UUID.randomUUID()
        .hashCode(), 3000));
    var start = new CountDownLatch(1);
    Callable<Void> upsert = () -> {
      start.await();
      transactions.executeWithoutResult(tx -> salesStats.count(day, 100));
      return null;
    };
    try (var pool = Executors.newFixedThreadPool(8)) {
      List<Future<Void>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(upsert));
      }
      start.countDown();
      for (Future<Void> result : results) {
        result.get();
      }
    }

    assertThat(count("SELECT count(*) FROM daily_sales WHERE day = ?", day)).isOne();
    assertThat(count("SELECT orders FROM daily_sales WHERE day = ?", day)).isEqualTo(8);
    assertThat(count("SELECT revenue_cents FROM daily_sales WHERE day = ?", day)).isEqualTo(800);
  }

  private InboxConsumer consumer(EventHandler handler, String name, Duration reclaimAfter) {
    return new InboxConsumer(redisson, properties.stream(), jdbc, transactions, handler, name,
        reclaimAfter, traces);
  }

  private long placeOrder() {
    var placed = api.post("/api/v1/orders", """
        {"customerId": %d, "lines": [{"productId": %d, "quantity": 1}]}"""
        .formatted(data.customer(), data.productWithStock(250, 5)),
        Map.of("Content-Type", "application/json", "Idempotency-Key",
            UUID.randomUUID().toString()));
    return placed.jsonBody().path("id").asLong();
  }

  private OutboxEvent eventOf(long orderId) {
    return jdbc.sql("SELECT " + OutboxEvent.COLUMNS
        + " FROM outbox_events WHERE aggregate_type = 'order' AND aggregate_id = ?")
        .param(String.valueOf(orderId)).query(OutboxEvent.ROW).single();
  }

  /** Consumes until the group has nothing new or reclaimable; the stream holds earlier tests' events. */
  private static void drain(InboxConsumer consumer) {
    while (consumer.consumeOnce() > 0) {
      // next batch
    }
  }

  private void drainRelay() {
    while (relay.relayOnce() > 0) {
      // claim until nothing is due
    }
  }

  private long count(String sql, Object parameter) {
    return jdbc.sql(sql).param(parameter).query((rs, row) -> rs.getLong(1)).single();
  }
}
