/**
 * The stock service's contract as protoc generates it from {@code fieldguide/stock/v1/stock.proto}:
 * the messages and stubs a gRPC client calls with, published as the module's {@code grpc}
 * interface (its other internals stay closed).
 */
@NamedInterface("grpc")
package dev.fieldguide.orders.stock.v1;

import org.springframework.modulith.NamedInterface;
