package dev.fieldguide.orders.stock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.stock.StockRequestRefused.Reason;
import io.grpc.Status;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.UncategorizedSQLException;

/** Every way a stock call can fail, and the one status the caller sees for it. */
class StatusMappingTests {

  @ParameterizedTest
  @CsvSource({"INVALID_ARGUMENT, INVALID_ARGUMENT", "UNKNOWN_PRODUCT, NOT_FOUND",
      "INSUFFICIENT_STOCK, FAILED_PRECONDITION", "RESERVATION_ID_TAKEN, ALREADY_EXISTS",
      "DEADLINE_PASSED, DEADLINE_EXCEEDED"})
  void eachRefusalHasItsOwnCodeAndTellsTheCallerWhy(Reason reason, Status.Code code) {
    Status status = StatusMapping.toStatus(new StockRequestRefused(reason, "quantity must be 1"));

    assertThat(status.getCode()).isEqualTo(code);
    assertThat(status.getDescription()).isEqualTo("quantity must be 1");
  }

  @Test
  void aStatementTimeoutFromTheCallsDeadlineIsDeadlineExceeded() {
    var timeout = new QueryTimeoutException("PreparedStatementCallback",
        new SQLException("canceling statement due to statement timeout", "57014"));

    Status status = StatusMapping.toStatus(timeout);

    assertThat(status.getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(status.getDescription()).doesNotContain("statement");
  }

  @Test
  void anotherDatabaseFailureIsInternalAndSaysNothingOfItsCause() {
    var failure = new UncategorizedSQLException("INSERT INTO stock_reservations",
        "INSERT INTO stock_reservations VALUES (...)",
        new SQLException("relation \"stock_reservations\" does not exist", "42P01"));

    Status status = StatusMapping.toStatus(failure);

    assertThat(status.getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(status.getDescription()).isEqualTo("internal error");
    assertThat(status.getCause()).isNull();
  }

  @Test
  void anUnexpectedExceptionIsInternal() {
    Status status = StatusMapping.toStatus(new IllegalStateException("pool closed at 10.0.0.7"));

    assertThat(status.getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(status.getDescription()).isEqualTo("internal error");
  }

  @Test
  void aStatusSomeInterceptorChoseIsKept() {
    Status unauthenticated = Status.UNAUTHENTICATED.withDescription("bearer token required");

    assertThat(StatusMapping.toStatus(unauthenticated.asRuntimeException()))
        .isSameAs(unauthenticated);
  }
}
