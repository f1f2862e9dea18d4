package dev.fieldguide.orders.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldguide.orders.reporting.DailySalesView;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.StatementCounter.Executed;
import dev.fieldguide.orders.support.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * D7: a {@link ReplicaRead} transaction runs on the replica pool, everything else (a plain
 * read-only transaction included) on the primary — seen by PostgreSQL ({@code application_name}
 * of the session that ran the statement) and by the statement counter (which pool's data source
 * ran it); a report read takes the replica, an order write the primary. {@link
 * LaggingReplicaIntegrationTests} shows what that means against a replica that lags.
 */
@IntegrationTest
class ReadReplicaRoutingIntegrationTests {

  private static final String APPLICATION_NAME = "SELECT current_setting('application_name')";

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Autowired
  @Qualifier(ReplicaRead.TRANSACTION_MANAGER) PlatformTransactionManager replicaReads;

  @Autowired
  StatementCounter statements;

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  DailySalesView view;

  @Autowired
  MeterRegistry meters;

  @Test
  void replicaReadsRunOnTheReplicaPoolAndEveryOtherTransactionOnThePrimary() {
    TransactionTemplate replicaRead = new TransactionTemplate(replicaReads);
    TransactionTemplate readOnly = readOnly();
    TransactionTemplate readWrite = new TransactionTemplate(transactionManager);

    String inReplicaRead = replicaRead.execute(s -> applicationName());
    String inReadOnly = readOnly.execute(s -> applicationName());
    String inReadWrite = readWrite.execute(s -> applicationName());
    String withoutTransaction = applicationName();

    assertThat(inReplicaRead).isEqualTo("field-guide-replica");
    assertThat(inReadOnly).isEqualTo("field-guide");
    assertThat(inReadWrite).isEqualTo("field-guide");
    assertThat(withoutTransaction).isEqualTo("field-guide");
    assertThat(meters.get("hikaricp.connections").tag("pool", "replica").gauge().value())
        .isPositive();
  }

  @Test
  void aReplicaReadInsideAnotherTransactionReadsWhereThatOneReads() {
    TransactionTemplate replicaRead = new TransactionTemplate(replicaReads);
    TransactionTemplate readWrite = new TransactionTemplate(transactionManager);
    TransactionTemplate newReadWrite = new TransactionTemplate(transactionManager);
    newReadWrite.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);

    // Joined before the outer transaction ran a statement: it must not pick the outer's pool.
    String joined = readWrite.execute(s -> replicaRead.execute(r -> applicationName()));
    // A new transaction inside a replica read is not a replica read.
    String nested = replicaRead.execute(s -> newReadWrite.execute(n -> applicationName()));
    String afterResume = replicaRead.execute(s -> {
      newReadWrite.execute(n -> applicationName());
      return applicationName();
    });

    assertThat(joined).isEqualTo("field-guide");
    assertThat(nested).isEqualTo("field-guide");
    assertThat(afterResume).isEqualTo("field-guide-replica");
  }

  @Test
  void aWriteThatStraysIntoAReadOnlyTransactionFailsOnEitherPool() {
    for (TransactionTemplate readOnly : List.of(readOnly(),
        new TransactionTemplate(replicaReads))) {
      assertThatThrownBy(() -> readOnly.executeWithoutResult(s -> jdbc.sql(
          "INSERT INTO customers (email, name) VALUES (?, 'stray')")
          .param(UUID.randomUUID() + "@example.test").update()))
          .isInstanceOf(DataAccessException.class).hasMessageContaining("read-only transaction");
    }
  }

  @Test
  void aReportReadTakesTheReplicaAndAnOrderWriteThePrimary() {
    view.refresh();
    long product = data.productWithStock(500, 10);
    long customer = data.customer();

    statements.reset();
    var report = api.get("/api/v1/reports/daily-sales?from=2026-01-01&to=2026-01-31");
    List<Executed> reportStatements = statements.executed();
    statements.reset();
    var order = api.placeOrder(customer, product);
    List<Executed> orderStatements = statements.executed();

    assertThat(report.status()).isEqualTo(200);
    assertThat(touching(reportStatements, "daily_product_sales")).isNotEmpty()
        .allSatisfy(s -> assertThat(s.dataSource()).isEqualTo(StatementCounter.REPLICA));
    assertThat(touching(reportStatements, "report_refreshes")).isNotEmpty()
        .allSatisfy(s -> assertThat(s.dataSource()).isEqualTo(StatementCounter.REPLICA));
    assertThat(order.status()).isEqualTo(201);
    assertThat(touching(orderStatements, "insert into orders")).hasSize(1)
        .allSatisfy(s -> assertThat(s.dataSource()).isEqualTo(StatementCounter.PRIMARY));
  }

  private TransactionTemplate readOnly() {
    TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
    readOnly.setReadOnly(true);
    return readOnly;
  }

  private String applicationName() {
    return jdbc.sql(APPLICATION_NAME).query(String.class).single();
  }

  private static List<Executed> touching(List<Executed> executed, String text) {
    return executed.stream()
        .filter(s -> Objects.requireNonNull(s.sql()).toLowerCase(Locale.ROOT).contains(text))
        .toList();
  }
}
