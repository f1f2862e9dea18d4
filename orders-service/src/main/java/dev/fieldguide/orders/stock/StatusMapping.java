package dev.fieldguide.orders.stock;

import dev.fieldguide.orders.errors.SqlStates;
import dev.fieldguide.orders.errors.TransactionConflict;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where what a stock call threw becomes the gRPC status the caller sees: the
 * handlers only throw, and this interceptor (innermost, next to the service) closes the call with
 * {@link #toStatus}. Without it grpc-java would answer every exception as {@code UNKNOWN}.
 *
 * <table>
 * <caption>Status mapping</caption>
 * <tr><th>thrown</th><th>status</th></tr>
 * <tr><td>refused: invalid argument</td><td>INVALID_ARGUMENT</td></tr>
 * <tr><td>refused: unknown product</td><td>NOT_FOUND</td></tr>
 * <tr><td>refused: not enough stock</td><td>FAILED_PRECONDITION</td></tr>
 * <tr><td>refused: reservation id taken by another reservation</td><td>ALREADY_EXISTS</td></tr>
 * <tr><td>refused: deadline passed before the call; statement timeout (SQLState 57014) during
 * it</td><td>DEADLINE_EXCEEDED</td></tr>
 * <tr><td>every attempt of the transaction lost a race (PG4's {@link TransactionConflict})</td>
 * <td>ABORTED: gRPC's code for a transaction aborted by concurrency, to be retried by the
 * caller</td></tr>
 * <tr><td>a {@link StatusRuntimeException} (an interceptor's, say)</td><td>its own status</td></tr>
 * <tr><td>anything else</td><td>INTERNAL, "internal error"; the exception is logged</td></tr>
 * </table>
 */
class StatusMapping implements ServerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(StatusMapping.class);

  /** PostgreSQL's query_canceled: here, {@code statement_timeout} set from the call's deadline. */
  private static final String QUERY_CANCELED = "57014";

  /** What the caller is told for {@code failure}; never internals for an unexpected failure. */
  static Status toStatus(Throwable failure) {
    if (failure instanceof StockRequestRefused refused) {
      Status status = switch (refused.reason()) {
        case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
        case UNKNOWN_PRODUCT -> Status.NOT_FOUND;
        case INSUFFICIENT_STOCK -> Status.FAILED_PRECONDITION;
        case RESERVATION_ID_TAKEN -> Status.ALREADY_EXISTS;
        case DEADLINE_PASSED -> Status.DEADLINE_EXCEEDED;
      };
      return status.withDescription(refused.getMessage());
    }
    if (failure instanceof TransactionConflict conflict) {
      return Status.ABORTED.withDescription(conflict.detail());
    }
    if (failure instanceof StatusRuntimeException given) {
      return given.getStatus();
    }
    if (QUERY_CANCELED.equals(SqlStates.of(failure))) {
      return Status.DEADLINE_EXCEEDED
          .withDescription("the deadline passed during the call; its work was rolled back");
    }
    return Status.INTERNAL.withDescription("internal error");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
        next.startCall(call, headers)) {
      @Override
      public void onMessage(Q message) {
        try {
          super.onMessage(message);
        } catch (RuntimeException e) {
          fail(call, e);
        }
      }

      // A unary method runs here, once the request is complete.
      @Override
      public void onHalfClose() {
        try {
          super.onHalfClose();
        } catch (RuntimeException e) {
          fail(call, e);
        }
      }
    };
  }

  private static void fail(ServerCall<?, ?> call, RuntimeException failure) {
    Status status = toStatus(failure);
    if (status.getCode() == Status.Code.INTERNAL) {
      log.error("{} failed", call.getMethodDescriptor().getFullMethodName(), failure);
    }
    call.close(status, new Metadata());
  }
}
