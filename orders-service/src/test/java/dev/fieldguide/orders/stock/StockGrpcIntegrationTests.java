package dev.fieldguide.orders.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.stock.v1.CheckStockRequest;
import dev.fieldguide.orders.stock.v1.CheckStockResponse;
import dev.fieldguide.orders.stock.v1.ReserveStockRequest;
import dev.fieldguide.orders.stock.v1.ReserveStockResponse;
import dev.fieldguide.orders.stock.v1.StockLevel;
import dev.fieldguide.orders.stock.v1.StockServiceGrpc;
import dev.fieldguide.fixtures.BearerCredentials;
import dev.fieldguide.orders.security.DevTokenIssuer;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.TestData;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The StockService against PostgreSQL through an in-process channel: the real service bean with
 * the real interceptor chain ({@link StockGrpcServer#services()}), no socket. Every call sets a
 * deadline, as real callers must.
 */
@IntegrationTest
class StockGrpcIntegrationTests {

  @Autowired
  StockGrpcServer grpc;

  @Autowired
  DevTokenIssuer tokens;

  @Autowired
  TestData data;

  @Autowired
  StatementCounter statements;

  @Autowired
  JdbcClient jdbc;

  private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() {
    serveWith(List.of());
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow();
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
    calls.shutdownNow();
    timers.shutdownNow();
  }

  @Test
  void checkAnswersEveryKnownIdInOneQueryAndListsTheUnknownOnes() {
    long seven = data.productWithStock(100, 7);
    long none = data.productWithStock(100, 0);
    long unknown = Long.MAX_VALUE;
    statements.reset();

    CheckStockResponse response = stub().checkStock(CheckStockRequest.newBuilder()
        .addProductIds(unknown).addProductIds(none).addProductIds(seven).addProductIds(seven)
        .build());

    assertThat(response.getLevelsList()).extracting(StockLevel::getProductId,
        StockLevel::getAvailable).containsExactly(
            tuple(seven, 7), tuple(none, 0));
    assertThat(response.getUnknownProductIdsList()).containsExactly(unknown);
    // set_config(statement_timeout) and the one SELECT ... WHERE id = ANY(?) for the batch
    statements.assertSelectCount(2);
    statements.assertTotalCount(2);
  }

  @Test
  void reserveTakesTheUnitsAndRecordsTheReservation() {
    long product = data.productWithStock(100, 10);
    String id = UUID.randomUUID().toString();

    ReserveStockResponse response = stub().reserveStock(reserve(id, product, 3));

    assertThat(response.getReservationId()).isEqualTo(id);
    assertThat(response.getProductId()).isEqualTo(product);
    assertThat(response.getQuantity()).isEqualTo(3);
    assertThat(response.getReplayed()).isFalse();
    assertThat(response.getReservedAt().getSeconds()).isPositive();
    assertThat(data.stockOf(product)).isEqualTo(7);
    assertThat(reservationRows(id)).isEqualTo(1);
  }

  @Test
  void notEnoughStockIsFailedPreconditionAndTakesNothing() {
    long product = data.productWithStock(100, 2);
    String id = UUID.randomUUID().toString();

    assertThatThrownBy(() -> stub().reserveStock(reserve(id, product, 3)))
        .satisfies(e -> assertStatus(e, Status.Code.FAILED_PRECONDITION));

    assertThat(data.stockOf(product)).isEqualTo(2);
    assertThat(reservationRows(id)).isZero();
  }

  @Test
  void anUnknownProductIsNotFound() {
    String id = UUID.randomUUID().toString();

    assertThatThrownBy(() -> stub().reserveStock(reserve(id, Long.MAX_VALUE, 1)))
        .satisfies(e -> assertStatus(e, Status.Code.NOT_FOUND));
    assertThat(reservationRows(id)).isZero();
  }

  @Test
  void badInputIsInvalidArgumentAndNeverReachesTheDatabase() {
    long product = data.productWithStock(100, 10);
    statements.reset();

    for (ReserveStockRequest bad : List.of(reserve("r-" + UUID.randomUUID(), product, 0),
        reserve("r-" + UUID.randomUUID(), product, StockGrpcService.MAX_QUANTITY + 1),
        reserve(" ", product, 1), reserve("x".repeat(65), product, 1),
        reserve("r-" + UUID.randomUUID(), 0, 1))) {
      assertThatThrownBy(() -> stub().reserveStock(bad))
          .satisfies(e -> assertStatus(e, Status.Code.INVALID_ARGUMENT));
    }
    for (CheckStockRequest bad : List.of(CheckStockRequest.getDefaultInstance(),
        CheckStockRequest.newBuilder().addAllProductIds(LongStream.rangeClosed(1, 101).boxed()
            .toList()).build(),
        CheckStockRequest.newBuilder().addProductIds(product).addProductIds(-1).build())) {
      assertThatThrownBy(() -> stub().checkStock(bad))
          .satisfies(e -> assertStatus(e, Status.Code.INVALID_ARGUMENT));
    }
    statements.assertTotalCount(0);
    assertThat(data.stockOf(product)).isEqualTo(10);
  }

  @Test
  void aRetryWithTheSameReservationIdReplaysTheFirstOutcomeAndTakesNothingMore() {
    long product = data.productWithStock(100, 10);
    String id = UUID.randomUUID().toString();
    ReserveStockResponse first = stub().reserveStock(reserve(id, product, 4));
    statements.reset();

    ReserveStockResponse retry = stub().reserveStock(reserve(id, product, 4));

    // set_config, the INSERT that claimed nothing, the SELECT of the earlier row: no UPDATE
    statements.assertTotalCount(3);
    assertThat(statements.executed()).noneMatch(s -> s.sql().startsWith("UPDATE"));
    assertThat(retry.getReplayed()).isTrue();
    assertThat(retry.toBuilder().setReplayed(false).build()).isEqualTo(first);
    assertThat(data.stockOf(product)).isEqualTo(6);
    assertThat(reservationRows(id)).isEqualTo(1);
  }

  @Test
  void theSameReservationIdForAnotherQuantityIsAlreadyExists() {
    long product = data.productWithStock(100, 10);
    String id = UUID.randomUUID().toString();
    stub().reserveStock(reserve(id, product, 4));

    assertThatThrownBy(() -> stub().reserveStock(reserve(id, product, 5)))
        .satisfies(e -> assertStatus(e, Status.Code.ALREADY_EXISTS));
    assertThat(data.stockOf(product)).isEqualTo(6);
  }

  @Test
  void concurrentRetriesOfOneReservationTakeTheUnitsOnce() {
    long product = data.productWithStock(100, 10);
    String id = UUID.randomUUID().toString();

    List<ReserveStockResponse> answers = Concurrently.run(10,
        i -> () -> stub().reserveStock(reserve(id, product, 2)));

    assertThat(answers).filteredOn(a -> !a.getReplayed()).hasSize(1);
    assertThat(answers).extracting(ReserveStockResponse::getReservedAt).containsOnly(
        answers.getFirst().getReservedAt());
    assertThat(data.stockOf(product)).isEqualTo(8);
    assertThat(reservationRows(id)).isEqualTo(1);
  }

  @Test
  void concurrentReservesOfTheLastUnitsTakeExactlyWhatIsThere() {
    long product = data.productWithStock(100, 10);

    List<Status.Code> outcomes = Concurrently.run(30, i -> () -> {
      try {
        stub().reserveStock(reserve(UUID.randomUUID().toString(), product, 1));
        return Status.Code.OK;
      } catch (StatusRuntimeException e) {
        return e.getStatus().getCode();
      }
    });

    Map<Status.Code, Long> counted = new TreeMap<>();
    outcomes.forEach(code -> counted.merge(code, 1L, Long::sum));
    assertThat(counted).containsExactlyEntriesOf(new TreeMap<>(
        Map.of(Status.Code.OK, 10L, Status.Code.FAILED_PRECONDITION, 20L)));
    assertThat(data.stockOf(product)).isZero();
    assertThat(jdbc.sql("SELECT count(*) FROM stock_reservations WHERE product_id = ?")
        .param(product).query(Long.class).single()).isEqualTo(10);
  }

  @Test
  void aCallWhoseDeadlineHasAlreadyPassedIsRefusedBeforeAnyWork() {
    long product = data.productWithStock(100, 10);
    String id = UUID.randomUUID().toString();
    // As if the call had waited in a queue past its deadline: the server context it runs in is
    // already expired when the handler starts. (A client refuses to send a call whose deadline
    // has passed, so that cannot be staged from the client side.)
    ServerInterceptor expired = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        Context late = Context.current().withDeadline(Deadline.after(-1, TimeUnit.SECONDS),
            timers);
        return Contexts.interceptCall(late, call, headers, next);
      }
    };
    restartWith(List.of(expired));
    statements.reset();

    assertThatThrownBy(() -> stub().reserveStock(reserve(id, product, 1)))
        .satisfies(e -> assertStatus(e, Status.Code.DEADLINE_EXCEEDED))
        .hasMessageContaining("before the call started");

    statements.assertTotalCount(0);
    assertThat(data.stockOf(product)).isEqualTo(10);
    assertThat(reservationRows(id)).isZero();
  }

  private StockServiceGrpc.StockServiceBlockingStub stub() {
    return StockServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(new BearerCredentials(tokens.service("stock-test")))
        .withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private static ReserveStockRequest reserve(String id, long product, int quantity) {
    return ReserveStockRequest.newBuilder().setReservationId(id).setProductId(product)
        .setQuantity(quantity).build();
  }

  private long reservationRows(String id) {
    return jdbc.sql("SELECT count(*) FROM stock_reservations WHERE reservation_id = ?").param(id)
        .query(Long.class).single();
  }

  private static void assertStatus(Throwable thrown, Status.Code code) {
    assertThat(thrown).isInstanceOf(StatusRuntimeException.class);
    assertThat(((StatusRuntimeException) thrown).getStatus().getCode()).as(thrown.getMessage())
        .isEqualTo(code);
  }

  private void restartWith(List<ServerInterceptor> outermost) {
    channel.shutdownNow();
    server.shutdownNow();
    serveWith(outermost);
  }

  /** The production services, with {@code outermost} interceptors in front for a test's needs. */
  private void serveWith(List<ServerInterceptor> outermost) {
    String name = InProcessServerBuilder.generateName();
    InProcessServerBuilder builder = InProcessServerBuilder.forName(name).executor(calls);
    for (ServerServiceDefinition service : grpc.services()) {
      builder.addService(ServerInterceptors.interceptForward(service, outermost));
    }
    try {
      server = builder.build().start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    channel = InProcessChannelBuilder.forName(name).build();
  }
}
