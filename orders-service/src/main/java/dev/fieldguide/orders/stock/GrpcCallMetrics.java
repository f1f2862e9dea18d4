package dev.fieldguide.orders.stock;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code fieldguide.grpc.calls}: a timer per method and the status the server answered, the gRPC
 * counterpart of {@code http.server.requests}. Outermost of the interceptors, so calls that a
 * later interceptor refuses (authentication, say) are counted too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GrpcCallMetrics implements ServerInterceptor {

  static final String METER = "fieldguide.grpc.calls";

  private final MeterRegistry registry;

  GrpcCallMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    long started = System.nanoTime();
    String method = call.getMethodDescriptor().getFullMethodName();
    return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        Timer.builder(METER).description("gRPC calls served, by method and answered status")
            .tag("method", method).tag("status", status.getCode().name()).register(registry)
            .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        super.close(status, trailers);
      }
    }, headers);
  }
}
