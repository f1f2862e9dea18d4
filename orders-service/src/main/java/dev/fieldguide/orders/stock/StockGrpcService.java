package dev.fieldguide.orders.stock;

import com.google.protobuf.Timestamp;
import dev.fieldguide.orders.stock.v1.CheckStockRequest;
import dev.fieldguide.orders.stock.v1.CheckStockResponse;
import dev.fieldguide.orders.stock.v1.ReserveStockRequest;
import dev.fieldguide.orders.stock.v1.ReserveStockResponse;
import dev.fieldguide.orders.stock.v1.StockLevel;
import dev.fieldguide.orders.stock.v1.StockServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The generated StockService's implementation: checks the request, takes the call's deadline
 * ({@link CallDeadline}), and hands the work to {@link StockAvailability} or
 * {@link StockReservations}. It only throws on failure; {@link StatusMapping} picks the status.
 */
@Component
@EnableConfigurationProperties(GrpcServerProperties.class)
class StockGrpcService extends StockServiceGrpc.StockServiceImplBase {

  static final int MAX_PRODUCT_IDS = 100;
  static final int MAX_QUANTITY = 1000;
  static final int MAX_RESERVATION_ID_LENGTH = 64;

  private final StockAvailability availability;
  private final StockReservations reservations;
  private final GrpcServerProperties properties;

  StockGrpcService(StockAvailability availability, StockReservations reservations,
      GrpcServerProperties properties) {
    this.availability = availability;
    this.reservations = reservations;
    this.properties = properties;
  }

  @Override
  public void checkStock(CheckStockRequest request,
      StreamObserver<CheckStockResponse> responses) {
    CallDeadline deadline = CallDeadline.ofCurrentCall(properties.maxCallTime());
    SortedSet<Long> ids = productIds(request);
    Map<Long, Integer> levels = availability.of(ids, deadline);
    CheckStockResponse.Builder response = CheckStockResponse.newBuilder();
    for (long id : ids) {
      Integer available = levels.get(id);
      if (available == null) {
        response.addUnknownProductIds(id);
      } else {
        response.addLevels(StockLevel.newBuilder().setProductId(id).setAvailable(available));
      }
    }
    responses.onNext(response.build());
    responses.onCompleted();
  }

  @Override
  public void reserveStock(ReserveStockRequest request,
      StreamObserver<ReserveStockResponse> responses) {
    CallDeadline deadline = CallDeadline.ofCurrentCall(properties.maxCallTime());
    check(request);
    var reservation = reservations.reserve(request.getReservationId(), request.getProductId(),
        request.getQuantity(), deadline);
    responses.onNext(ReserveStockResponse.newBuilder()
        .setReservationId(reservation.reservationId())
        .setProductId(reservation.productId())
        .setQuantity(reservation.quantity())
        .setReservedAt(timestamp(reservation.reservedAt()))
        .setReplayed(reservation.replayed())
        .build());
    responses.onCompleted();
  }

  private static Timestamp timestamp(Instant at) {
    long seconds = at.getEpochSecond();
    int nanos = at.getNano();
    return Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build();
  }

  /** The distinct requested ids, ascending; 1 to 100 of them, each positive. */
  private static SortedSet<Long> productIds(CheckStockRequest request) {
    int count = request.getProductIdsCount();
    if (count == 0 || count > MAX_PRODUCT_IDS) {
      throw invalid("product_ids must hold 1 to %d ids, not %d".formatted(MAX_PRODUCT_IDS, count));
    }
    SortedSet<Long> ids = new TreeSet<>();
    for (int i = 0; i < count; i++) {
      long id = request.getProductIds(i);
      if (id <= 0) {
        throw invalid("product_ids[%d] must be positive, not %d".formatted(i, id));
      }
      ids.add(id);
    }
    return ids;
  }

  private static void check(ReserveStockRequest request) {
    String id = request.getReservationId();
    if (id.isBlank() || id.length() > MAX_RESERVATION_ID_LENGTH) {
      throw invalid("reservation_id must be 1 to %d characters, not blank"
          .formatted(MAX_RESERVATION_ID_LENGTH));
    }
    if (request.getProductId() <= 0) {
      throw invalid("product_id must be positive, not %d".formatted(request.getProductId()));
    }
    if (request.getQuantity() < 1 || request.getQuantity() > MAX_QUANTITY) {
      throw invalid("quantity must be 1 to %d, not %d".formatted(MAX_QUANTITY,
          request.getQuantity()));
    }
  }

  private static StockRequestRefused invalid(String message) {
    return new StockRequestRefused(StockRequestRefused.Reason.INVALID_ARGUMENT, message);
  }
}
