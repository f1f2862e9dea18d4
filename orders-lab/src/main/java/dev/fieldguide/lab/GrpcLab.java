package dev.fieldguide.lab;

import dev.fieldguide.fixtures.BearerCredentials;
import dev.fieldguide.orders.stock.StockGrpcServer;
import dev.fieldguide.orders.stock.v1.CheckStockRequest;
import dev.fieldguide.orders.stock.v1.ReserveStockRequest;
import dev.fieldguide.orders.stock.v1.ReserveStockResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A3 lab: the internal StockService over its real port — a round trip, CheckStock latency beside
 * the REST product read, a replayed reservation, and a deadline the server honours.
 */
@Component
@ConditionalOnBooleanProperty(name = "fieldguide.grpc.enabled", matchIfMissing = true)
class GrpcLab implements Lab {

  private static final int CALLS = 300;
  private static final int WARM_UP = 50;
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final Duration SHORT_DEADLINE = Duration.ofMillis(300);

  private final StockGrpcServer grpc;
  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final MeterRegistry meters;
  private final BearerCredentials credentials;

  GrpcLab(StockGrpcServer grpc, JdbcClient jdbc, DataSource dataSource, MeterRegistry meters,
      LabTokens tokens) {
    this.grpc = grpc;
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.meters = meters;
    // The stock service's callers are internal services: the lab calls as one.
    this.credentials = new BearerCredentials(tokens::service);
  }

  @Override
  public String name() {
    return "grpc";
  }

  @Override
  public String claim() {
    return "the internal gRPC StockService reserves at most once per reservation id and stops"
        + " working when its caller's deadline passes";
  }

  @Override
  public void run(URI base, Phases phases) {
    ManagedChannel channel = LabGrpc.channel(grpc.port());
    try {
      phases.add(roundTrip(channel));
      phases.add(latency(channel, base));
      phases.add(replay(channel));
      phases.add(deadline(channel));
    } finally {
      LabGrpc.close(channel);
    }
  }

  private LabReport.Phase roundTrip(ManagedChannel channel) {
    long product = labProduct(10);
    ReserveStockResponse reserved = LabGrpc.stock(channel, credentials, DEADLINE)
        .reserveStock(reserve(UUID.randomUUID().toString(), product, 2));
    int available = LabGrpc.stock(channel, credentials, DEADLINE)
        .checkStock(CheckStockRequest.newBuilder()
            .addProductIds(product).build())
        .getLevels(0).getAvailable();
    Map<String, Object> measured = new LinkedHashMap<>();
    measured.put("reserved", reserved.getQuantity());
    measured.put("available after", available);
    return new LabReport.Phase("ReserveStock 2 of 10 units, then CheckStock", measured,
        "CheckStock reports 8", reserved.getQuantity() == 2 && available == 8);
  }

  /**
   * Sequential calls from one client, medians side by side. Not the same work: the REST read is
   * served from the Redis product cache (R1), CheckStock from PostgreSQL (stock must be fresh).
   */
  private LabReport.Phase latency(ManagedChannel channel, URI base) {
    long product = labProduct(10);
    String path = "/api/v1/products/" + product;
    CheckStockRequest check = CheckStockRequest.newBuilder().addProductIds(product).build();
    List<Long> viaGrpc = new ArrayList<>();
    List<Long> viaRest = new ArrayList<>();
    boolean allAnswered = true;
    for (int i = 0; i < WARM_UP + CALLS; i++) {
      long started = System.nanoTime();
      boolean grpcAnswered = LabGrpc.stock(channel, credentials, DEADLINE).checkStock(check)
          .getLevelsCount() == 1;
      long grpcNanos = System.nanoTime() - started;
      started = System.nanoTime();
      boolean restAnswered = LabHttp.get(base, path, Map.of()).statusCode() == 200;
      long restNanos = System.nanoTime() - started;
      allAnswered &= grpcAnswered && restAnswered;
      if (i >= WARM_UP) {
        viaGrpc.add(grpcNanos);
        viaRest.add(restNanos);
      }
    }
    long grpcP50 = median(viaGrpc);
    long restP50 = median(viaRest);
    Map<String, Object> measured = new LinkedHashMap<>();
    measured.put("gRPC CheckStock p50 us", grpcP50 / 1000);
    measured.put("REST GET product p50 us", restP50 / 1000);
    measured.put("REST/gRPC", Math.round(100.0 * restP50 / Math.max(1, grpcP50)) / 100.0);
    return new LabReport.Phase(CALLS + " calls each, alternating, after " + WARM_UP + " warm-up",
        measured, "every call answered (the ratio is for reading, not a bound)", allAnswered);
  }

  private LabReport.Phase replay(ManagedChannel channel) {
    long product = labProduct(10);
    String id = UUID.randomUUID().toString();
    ReserveStockResponse first = LabGrpc.stock(channel, credentials, DEADLINE)
        .reserveStock(reserve(id, product, 3));
    ReserveStockResponse retry = LabGrpc.stock(channel, credentials, DEADLINE)
        .reserveStock(reserve(id, product, 3));
    int stock = stockOf(product);
    long rows = reservations(id);
    Map<String, Object> measured = new LinkedHashMap<>();
    measured.put("retry replayed", retry.getReplayed());
    measured.put("same reserved_at", retry.getReservedAt().equals(first.getReservedAt()));
    measured.put("stock", stock);
    measured.put("reservation rows", rows);
    return new LabReport.Phase("ReserveStock 3 units, then the same reservation_id again",
        measured, "replayed with the original time; stock 7 (taken once); 1 row",
        retry.getReplayed() && retry.getReservedAt().equals(first.getReservedAt()) && stock == 7
            && rows == 1);
  }

  /**
   * The lab holds the product's row lock, so the reservation waits; the caller gives up after 300
   * ms, and so does the server (its statement_timeout is the caller's deadline). The phase looks
   * for the server's own DEADLINE_EXCEEDED answer before it releases the lock: a server that
   * ignored the deadline would still be waiting then, and would reserve once the lock is free.
   */
  private LabReport.Phase deadline(ManagedChannel channel) {
    long product = labProduct(10);
    String id = UUID.randomUUID().toString();
    Status.Code status = Status.Code.OK;
    boolean serverGaveUp;
    double answeredBefore = serverDeadlineAnswers();
    try (HeldRowLock lock = HeldRowLock.onProduct(dataSource, product)) {
      try {
        LabGrpc.stock(channel, credentials, SHORT_DEADLINE).reserveStock(reserve(id, product, 1));
      } catch (StatusRuntimeException e) {
        status = e.getStatus().getCode();
      }
      // Before the lock goes: a server still waiting on it could not have answered yet.
      serverGaveUp = within(Duration.ofSeconds(10), () -> waitingOn(lock.pid()) == 0
          && serverDeadlineAnswers() > answeredBefore);
    }
    int stock = stockOf(product);
    long rows = reservations(id);
    Map<String, Object> measured = new LinkedHashMap<>();
    measured.put("status", status);
    measured.put("server answered DEADLINE_EXCEEDED while the lock was held", serverGaveUp);
    measured.put("stock after release", stock);
    measured.put("reservation rows", rows);
    return new LabReport.Phase("ReserveStock with a 300 ms deadline behind a held row lock",
        measured, "DEADLINE_EXCEEDED; the server stops waiting too; stock 10, no row",
        status == Status.Code.DEADLINE_EXCEEDED && serverGaveUp && stock == 10 && rows == 0);
  }

  private static ReserveStockRequest reserve(String id, long product, int quantity) {
    return ReserveStockRequest.newBuilder().setReservationId(id).setProductId(product)
        .setQuantity(quantity).build();
  }

  /** A product of this lab run alone, with {@code stock} units. */
  private long labProduct(int stock) {
    return jdbc.sql("""
        INSERT INTO products (sku, name, price_cents, stock) VALUES (?, 'gRPC lab', 100, ?)
        RETURNING id
        """).params("LAB-GRPC-" + UUID.randomUUID(), stock).query(Long.class).single();
  }

  private int stockOf(long product) {
    return jdbc.sql("SELECT stock FROM products WHERE id = ?").param(product)
        .query(Integer.class).single();
  }

  private long reservations(String id) {
    return jdbc.sql("SELECT count(*) FROM stock_reservations WHERE reservation_id = ?").param(id)
        .query(Long.class).single();
  }

  /** ReserveStock calls the server itself answered DEADLINE_EXCEEDED (its call timer). */
  private double serverDeadlineAnswers() {
    Timer timer = meters.find("fieldguide.grpc.calls")
        .tag("method", "fieldguide.stock.v1.StockService/ReserveStock")
        .tag("status", "DEADLINE_EXCEEDED").timer();
    return timer == null ? 0 : timer.count();
  }

  /** Sessions blocked by a lock {@code pid} holds. */
  private long waitingOn(long pid) {
    return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))")
        .param(pid).query(Long.class).single();
  }

  private static boolean within(Duration limit, BooleanSupplier condition) {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        return false;
      }
      LabWait.pause(Duration.ofMillis(20));
    }
    return true;
  }

  private static long median(List<Long> nanos) {
    List<Long> sorted = nanos.stream().sorted().toList();
    return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
  }
}
