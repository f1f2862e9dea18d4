package dev.fieldguide.orders.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.EventDelivery;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * D5: a placed order's customer is notified once, and each webhook subscriber gets one delivery
 * recorded — also when the event reaches the stream a second time, as it does when the relay dies
 * between publishing and marking the row sent.
 */
@IntegrationTest
class NotificationConsumerIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  EventDelivery events;

  @Test
  void aPlacedOrdersCustomerAndSubscribersAreNotifiedOnceEvenWhenItsEventIsPublishedTwice() {
    long customer = data.customer();
    long orderId = api.placeOrder(customer, data.productWithStock(250, 5)).jsonBody().path("id")
        .asLong();
    events.deliverAll();
    assertThat(notificationsOf(orderId)).isOne();
    assertThat(webhookDeliveriesOf(orderId)).isOne(); // the test profile's one endpoint

    // The relay published, then died before marking the row: it is published again.
    jdbc.sql("""
        UPDATE outbox_events SET status = 'PENDING', next_attempt_at = now()
        WHERE aggregate_type = 'order' AND aggregate_id = ?
        """).param(String.valueOf(orderId)).update();
    events.deliverAll();

    assertThat(notificationsOf(orderId)).isOne();
    assertThat(webhookDeliveriesOf(orderId)).isOne();
    assertThat(jdbc.sql("SELECT customer_id FROM notifications WHERE order_id = ?").param(orderId)
        .query(Long.class).single()).isEqualTo(customer);
  }

  private long webhookDeliveriesOf(long orderId) {
    return jdbc.sql("""
        SELECT count(*) FROM webhook_deliveries d
        JOIN outbox_events e ON e.id = d.event_id
        WHERE e.aggregate_type = 'order' AND e.aggregate_id = ? AND d.endpoint = 'subscriber'
        """).param(String.valueOf(orderId)).query(Long.class).single();
  }

  private long notificationsOf(long orderId) {
    return jdbc.sql("SELECT count(*) FROM notifications WHERE order_id = ?").param(orderId)
        .query(Long.class).single();
  }
}
