package dev.fieldguide.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * D9: an implicit in-transaction listener acts on an order that is then rolled back; the explicit
 * after-commit listener and the outbox do not.
 */
@IntegrationTest
class DomainEventsIntegrationTests {

  @Autowired
  OrderPlacement placement;

  @Autowired
  DomainEventListeners listeners;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  TestData data;

  @Autowired
  JdbcClient jdbc;

  @Test
  void theImplicitListenerActsOnAChangeThatIsRolledBackTheExplicitPathDoesNot() {
    var request = request();

    long orderId = transactions.execute(tx -> {
      long id = placement.place(request).id();
      tx.setRollbackOnly(); // something later in the same transaction fails
      return id;
    });

    assertThat(listeners.implicitlyHandled).as("acted on an order that never existed")
        .contains(orderId);
    assertThat(listeners.handledAfterCommit).doesNotContain(orderId);
    assertThat(count("SELECT count(*) FROM orders WHERE id = ?", orderId)).isZero();
    assertThat(count("SELECT count(*) FROM outbox_events WHERE aggregate_type = 'order'"
        + " AND aggregate_id = ?", String.valueOf(orderId))).isZero();
  }

  @Test
  void aCommittedOrderReachesBothListenersAndTheOutboxOnce() {
    long orderId = transactions.execute(tx -> placement.place(request()).id());

    assertThat(listeners.implicitlyHandled).containsOnlyOnce(orderId);
    assertThat(listeners.handledAfterCommit).containsOnlyOnce(orderId);
    assertThat(count("SELECT count(*) FROM outbox_events WHERE aggregate_type = 'order'"
        + " AND aggregate_id = ?", String.valueOf(orderId))).isOne();
  }

  private PlaceOrderRequest request() {
    return new PlaceOrderRequest(data.customer(),
        List.of(new PlaceOrderRequest.Line(data.productWithStock(300, 5), 1)));
  }

  private long count(String sql, Object parameter) {
    return jdbc.sql(sql).param(parameter).query((rs, row) -> rs.getLong(1)).single();
  }
}
