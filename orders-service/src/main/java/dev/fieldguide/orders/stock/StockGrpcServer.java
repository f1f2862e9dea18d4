package dev.fieldguide.orders.stock;

import io.grpc.BindableService;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The internal gRPC server (Netty, plaintext, {@code fieldguide.grpc.port}), started and stopped
 * with the application context. Internal only: the port is never published outside the cluster
 * network (docs/grpc.md), and {@code fieldguide.grpc.enabled=false} switches it off (the worker
 * role does).
 *
 * <p>Every {@link ServerInterceptor} bean wraps the service, in {@code @Order} order, the first
 * outermost: that list is where cross-cutting call handling goes, authentication included (an
 * interceptor that checks the caller's bearer token and internal role before any handler runs).
 * {@link StatusMapping} always sits innermost, next to the service.
 *
 * <p>Handlers block on JDBC, so each call runs on its own virtual thread rather than on gRPC's
 * default cached pool.
 */
@Component
@ConditionalOnBooleanProperty(name = "fieldguide.grpc.enabled", matchIfMissing = true)
public class StockGrpcServer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StockGrpcServer.class);

  private final GrpcServerProperties properties;
  private final List<ServerServiceDefinition> services;
  private @Nullable Server server;
  private @Nullable ExecutorService executor;

  StockGrpcServer(GrpcServerProperties properties, StockGrpcService stock,
      ObjectProvider<ServerInterceptor> interceptors) {
    this.properties = properties;
    this.services = List.of(intercepted(stock, interceptors.orderedStream().toList()));
  }

  /**
   * The service with the interceptors applied, as the server serves it; in-process tests serve
   * exactly this.
   */
  List<ServerServiceDefinition> services() {
    return services;
  }

  /** The port the server listens on: the configured one, or the one picked for port 0. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("the gRPC server is not running");
    }
    return server.getPort();
  }

  @Override
  public synchronized void start() {
    ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    Server started = Grpc.newServerBuilderForPort(properties.port(),
        InsecureServerCredentials.create()).executor(calls).addServices(services).build();
    try {
      started.start();
    } catch (IOException e) {
      calls.shutdownNow();
      throw new UncheckedIOException("gRPC server cannot listen on port " + properties.port(), e);
    }
    executor = calls;
    server = started;
    log.info("gRPC server listening on port {}", started.getPort());
  }

  /**
   * Graceful: no new calls, the ones in flight get {@code shutdown-grace} to finish, then the rest
   * are cancelled (their callers see CANCELLED and may retry; reservations are idempotent).
   */
  @Override
  public synchronized void stop() {
    Server running = server;
    ExecutorService calls = executor;
    if (running == null || calls == null) {
      return;
    }
    running.shutdown();
    try {
      if (!running.awaitTermination(properties.shutdownGrace().toMillis(),
          TimeUnit.MILLISECONDS)) {
        log.warn("gRPC calls still running after {}; cancelling them",
            properties.shutdownGrace());
        running.shutdownNow();
        running.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      running.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      calls.shutdownNow();
      server = null;
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return server != null;
  }

  private static ServerServiceDefinition intercepted(BindableService service,
      List<ServerInterceptor> interceptors) {
    ServerServiceDefinition mapped = ServerInterceptors.intercept(service, new StatusMapping());
    // interceptForward: the first interceptor in the list is the first to see a call.
    return ServerInterceptors.interceptForward(mapped, interceptors);
  }
}
