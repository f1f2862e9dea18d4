package dev.fieldguide.orders.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import dev.fieldguide.orders.stock.v1.CheckStockRequest;
import dev.fieldguide.orders.stock.v1.ReserveStockRequest;
import dev.fieldguide.orders.stock.v1.StockServiceGrpc;
import dev.fieldguide.fixtures.BearerCredentials;
import dev.fieldguide.orders.security.DevTokenIssuer;
import dev.fieldguide.orders.stock.v1.ReserveStockResponse;
import dev.fieldguide.orders.support.DeadlockPartner;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.TestData;
import dev.fieldguide.orders.support.TransactionRetries;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The running service's own gRPC port, over a Netty channel as another service of ours would
 * call it: a round trip, a status as the wire carries it, and a deadline the server's database
 * work outlasts.
 */
@IntegrationTest
class StockGrpcPortIntegrationTests {

  private static final String RESERVE = "fieldguide.stock.v1.StockService/ReserveStock";

  @Autowired
  StockGrpcServer grpc;

  @Autowired
  DevTokenIssuer tokens;

  @Autowired
  TestData data;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  DataSource dataSource;

  @Autowired
  StatementCounter statements;

  @Autowired
  MeterRegistry meters;

  private ManagedChannel channel;

  @BeforeEach
  void connect() {
    channel = Grpc.newChannelBuilderForAddress("127.0.0.1", grpc.port(),
        InsecureChannelCredentials.create()).build();
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void checkAndReserveRoundTripOverTheServicePort() {
    long product = data.productWithStock(100, 5);

    var reserved = stub(Duration.ofSeconds(10)).reserveStock(reserve(product, 2));
    var levels = stub(Duration.ofSeconds(10)).checkStock(
        CheckStockRequest.newBuilder().addProductIds(product).build());

    assertThat(reserved.getQuantity()).isEqualTo(2);
    assertThat(levels.getLevels(0).getAvailable()).isEqualTo(3);
    assertThat(grpc.port()).as("a free port in tests, never 9090").isNotEqualTo(9090);
  }

  @Test
  void onlyInternalServicesWithAValidTokenAreServed() {
    long product = data.productWithStock(100, 5);
    CheckStockRequest check = CheckStockRequest.newBuilder().addProductIds(product).build();
    var anonymous = StockServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(5, TimeUnit.SECONDS);
    var forged = anonymous.withCallCredentials(
        new BearerCredentials(tokens.service("stock-test") + "x"));
    var customer = anonymous.withCallCredentials(
        new BearerCredentials(tokens.customer(data.customer())));
    var admin = anonymous.withCallCredentials(new BearerCredentials(tokens.admin("ops")));

    assertRefused(() -> anonymous.checkStock(check), Status.Code.UNAUTHENTICATED);
    assertRefused(() -> forged.checkStock(check), Status.Code.UNAUTHENTICATED);
    assertRefused(() -> customer.checkStock(check), Status.Code.PERMISSION_DENIED);
    assertRefused(() -> admin.checkStock(check), Status.Code.PERMISSION_DENIED);
    assertThat(stub(Duration.ofSeconds(5)).checkStock(check).getLevelsCount()).isEqualTo(1);
  }

  @Test
  void aRefusalCrossesTheWireAsItsStatusAndIsCounted() {
    double before = calls("FAILED_PRECONDITION");
    long product = data.productWithStock(100, 1);

    assertThatThrownBy(() -> stub(Duration.ofSeconds(10)).reserveStock(reserve(product, 2)))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
          assertThat(e.getStatus().getDescription()).isEqualTo(
              "product %d has fewer than 2 units available".formatted(product));
        });
    await().atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(calls("FAILED_PRECONDITION")).isEqualTo(before + 1));
  }

  /**
   * The test holds the product's row lock, so the server's reservation waits on it. The client
   * gives up after 300 ms; the server, which got the same deadline as {@code statement_timeout},
   * must give up too while the lock is still held, and must not reserve once it is released.
   */
  @Test
  void aReserveThatOutlastsItsDeadlineIsAbandonedByTheServerAndTakesNothing() throws Exception {
    long product = data.productWithStock(100, 5);
    ReserveStockRequest request = reserve(product, 1);
    double timedOut = calls("DEADLINE_EXCEEDED");
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      long holderPid = lockRow(holder, product);
      statements.reset();

      assertThatThrownBy(() -> stub(Duration.ofMillis(300)).reserveStock(request))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(
              e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));

      // Still holding the lock: the server's statement ended (cancelled, it cannot have got the
      // lock), nothing waits on the lock any more, and the server answered DEADLINE_EXCEEDED.
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        assertThat(statements.executed()).anyMatch(s -> s.sql().contains("stock_reservations")
            && s.parameters().contains(request.getReservationId()));
        assertThat(waitingOn(holderPid)).isZero();
        assertThat(calls("DEADLINE_EXCEEDED")).isEqualTo(timedOut + 1);
      });
      holder.rollback();
    }

    assertThat(data.stockOf(product)).isEqualTo(5);
    assertThat(jdbc.sql("SELECT count(*) FROM stock_reservations WHERE reservation_id = ?")
        .param(request.getReservationId()).query(Long.class).single()).isZero();
  }

  /**
   * PG4 over gRPC: the reservation claims its id, then waits for the product row the test's session
   * holds; the session then inserts the same reservation id, so each waits for the other. The
   * reservation is the deadlock victim ({@link DeadlockPartner}), its claim goes with the
   * rollback, and the retry claims the id afresh: one reservation, stock taken once.
   */
  @Test
  void aReservationChosenAsDeadlockVictimIsRetriedAndReservedOnce() throws Exception {
    long product = data.productWithStock(100, 5);
    ReserveStockRequest request = reserve(product, 2);
    double deadlocksBefore = TransactionRetries.of(meters, "40P01");

    CompletableFuture<ReserveStockResponse> reserved;
    try (var partner = DeadlockPartner.open(dataSource, jdbc)) {
      partner.execute("UPDATE products SET stock = stock WHERE id = ?", product);
      reserved = CompletableFuture.supplyAsync(
          () -> stub(Duration.ofSeconds(30)).reserveStock(request));
      partner.awaitSomeoneBlocked();
      partner.execute("INSERT INTO stock_reservations (reservation_id, product_id, quantity)"
          + " VALUES (?, ?, 1)", request.getReservationId(), product);
    }
    ReserveStockResponse response = reserved.get(30, TimeUnit.SECONDS);

    assertThat(response.getReplayed()).isFalse();
    assertThat(response.getQuantity()).isEqualTo(2);
    assertThat(TransactionRetries.of(meters, "40P01")).as("one deadlock, one retry")
        .isEqualTo(deadlocksBefore + 1);
    assertThat(data.stockOf(product)).isEqualTo(3);
    assertThat(jdbc.sql("SELECT quantity FROM stock_reservations WHERE reservation_id = ?")
        .param(request.getReservationId()).query(Integer.class).list()).containsExactly(2);
  }

  private StockServiceGrpc.StockServiceBlockingStub stub(Duration deadline) {
    return StockServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(new BearerCredentials(tokens.service("stock-test")))
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static ReserveStockRequest reserve(long product, int quantity) {
    return ReserveStockRequest.newBuilder().setReservationId(UUID.randomUUID().toString())
        .setProductId(product).setQuantity(quantity).build();
  }

  private double calls(String status) {
    Timer timer = meters.find(GrpcCallMetrics.METER).tag("method", RESERVE)
        .tag("status", status).timer();
    return timer == null ? 0 : timer.count();
  }

  /** Locks the product row FOR UPDATE in {@code holder}'s open transaction; its backend pid. */
  private static long lockRow(Connection holder, long product) throws SQLException {
    try (PreparedStatement lock = holder.prepareStatement(
        "SELECT pg_backend_pid() FROM products WHERE id = ? FOR UPDATE")) {
      lock.setLong(1, product);
      try (ResultSet rs = lock.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** How many sessions are blocked by a lock {@code pid} holds. */
  private long waitingOn(long pid) {
    return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))")
        .param(pid).query(Long.class).single();
  }

  private static void assertRefused(ThrowingCallable call, Status.Code code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(StatusRuntimeException.class,
        refused -> assertThat(refused.getStatus().getCode()).isEqualTo(code));
  }
}
