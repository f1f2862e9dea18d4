package dev.fieldguide.orders.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.plans.ExplainService;
import dev.fieldguide.fixtures.plans.PlanSummary;
import dev.fieldguide.orders.security.DevTokenIssuer;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.Api.Response;
import dev.fieldguide.orders.support.EventDelivery;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * D5, the consumer's effect through the API: an order's notifications are empty until the worker
 * consumes its event, then hold the one message, however often the event arrived; only the
 * order's customer (or an admin) reads them, found through an index (the statement count is
 * {@code EndpointQueryBudgetsIntegrationTests}'s row).
 */
@IntegrationTest
class OrderNotificationsIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  EventDelivery events;

  @Autowired
  DevTokenIssuer tokens;

  @Autowired
  ExplainService explain;

  @Test
  void theMessageAppearsOnceTheWorkerHasConsumedTheOrdersEvent() {
    long customer = data.customer();
    Api asCustomer = api.as(tokens.customer(customer));
    long orderId = place(asCustomer, customer);

    JsonNode before = asCustomer.get(path(orderId)).jsonBody();
    assertThat(before.path("orderId").asLong()).isEqualTo(orderId);
    assertThat(before.path("notifications").size()).as("before the worker ran").isZero();

    events.deliverAll();
    events.deliverAll(); // nothing new to consume: still one message

    JsonNode after = asCustomer.get(path(orderId)).jsonBody();
    assertThat(after.path("notifications").size()).isOne();
    JsonNode sent = after.path("notifications").get(0);
    assertThat(sent.path("message").asString()).isEqualTo("Your order %d is placed."
        .formatted(orderId));
    assertThat(sent.path("sentAt").asString()).isNotBlank();
  }

  @Test
  void anotherCustomersOrderIsTheSame404AsAMissingOne() {
    long customer = data.customer();
    long orderId = place(api.as(tokens.customer(customer)), customer);
    Api stranger = api.as(tokens.customer(data.customer()));

    Response theirs = stranger.get(path(orderId));
    Response missing = stranger.get(path(Long.MAX_VALUE));

    assertThat(theirs.status()).isEqualTo(404);
    assertThat(theirs.header("Content-Type")).startsWith("application/problem+json");
    assertThat(theirs.jsonBody().path("code").asString()).isEqualTo("ORDER_NOT_FOUND");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(theirs.jsonBody().path("detail").asString())
        .isEqualTo(missing.jsonBody().path("detail").asString()
            .replace(String.valueOf(Long.MAX_VALUE), String.valueOf(orderId)));
    assertThat(api.get(path(orderId)).status()).as("an admin").isEqualTo(200);
  }

  @Test
  void theNotificationsAreFoundThroughTheOrderIdIndex() {
    // Other orders' notifications, under ids no order or customer has: enough rows that a scan
    // of them all is the plan the index has to beat.
    jdbc.sql("""
        INSERT INTO notifications (order_id, customer_id, message)
        SELECT -g, 0, 'filler' FROM generate_series(1, 20000) g
        """).update();
    jdbc.sql("ANALYZE notifications").update();
    long orderId = data.orderWithLines(1).orderId();

    PlanSummary plan = explain.explainAnalyze(OrderNotifications.SQL, orderId);

    assertThat(plan.usesIndex("notifications_order_id_idx")).as(plan.render()).isTrue();
  }

  private long place(Api as, long customer) {
    return as.placeOrder(customer, data.productWithStock(250, 5)).jsonBody().path("id").asLong();
  }

  private static String path(long orderId) {
    return "/api/v2/orders/" + orderId + "/notifications";
  }
}
