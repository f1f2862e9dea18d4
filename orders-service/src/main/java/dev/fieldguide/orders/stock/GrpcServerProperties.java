package dev.fieldguide.orders.stock;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fieldguide.grpc.*}: where the internal gRPC server listens, how long its database work
 * may take, and how long a shutdown waits for calls in flight. ({@code fieldguide.grpc.enabled}
 * switches the server off; see {@link StockGrpcServer}.)
 *
 * @param port the TCP port; 0 takes any free one (tests and drills, where several instances share
 *     a machine), and {@link StockGrpcServer#port()} tells which
 * @param maxCallTime a ceiling on one call's database work, whatever deadline the caller sent
 *     (or none: a caller without a deadline still cannot hold a connection for long)
 * @param shutdownGrace how long a stopping server lets calls in flight finish before it cancels
 *     them
 */
@ConfigurationProperties("fieldguide.grpc")
record GrpcServerProperties(@DefaultValue("9090") int port,
    @DefaultValue("10s") Duration maxCallTime, @DefaultValue("10s") Duration shutdownGrace) {}
