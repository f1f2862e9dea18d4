package dev.fieldguide.orders.lab;

import dev.fieldguide.orders.stock.v1.StockServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The labs' gRPC client, the one place a lab opens a channel or makes a stub: when the service
 * requires a bearer token, the call credentials are added here once. Loopback only, like
 * {@link LabHttp}.
 */
final class LabGrpc {

  private LabGrpc() {}

  /** A plaintext channel to this instance's gRPC port. The caller closes it. */
  static ManagedChannel channel(int port) {
    return Grpc.newChannelBuilderForAddress("127.0.0.1", port, InsecureChannelCredentials.create())
        .build();
  }

  /** A stub whose calls carry {@code deadline}: every lab call has one, as real callers must. */
  static StockServiceGrpc.StockServiceBlockingStub stock(ManagedChannel channel,
      Duration deadline) {
    return StockServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
  }

  static void close(ManagedChannel channel) {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
