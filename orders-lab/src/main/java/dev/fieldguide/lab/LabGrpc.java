package dev.fieldguide.lab;

import dev.fieldguide.orders.stock.v1.StockServiceGrpc;
import io.grpc.CallCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The labs' gRPC client, the one place a lab opens a channel or makes a stub, with the caller's
 * bearer token on every call. Loopback only, like {@link LabHttp}.
 */
final class LabGrpc {

  private LabGrpc() {}

  /** A plaintext channel to this instance's gRPC port. The caller closes it. */
  static ManagedChannel channel(int port) {
    return Grpc.newChannelBuilderForAddress("127.0.0.1", port, InsecureChannelCredentials.create())
        .build();
  }

  /**
   * A stub whose calls carry {@code credentials} and {@code deadline}: every lab call has both,
   * as real callers must.
   */
  static StockServiceGrpc.StockServiceBlockingStub stock(ManagedChannel channel,
      CallCredentials credentials, Duration deadline) {
    return StockServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials)
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
