/**
 * A3 — REST vs gRPC: REST stays the public API; a small internal gRPC service (CheckStock,
 * ReserveStock) shows where gRPC fits, a typed contract between our own services.
 *
 * <p>The contract is {@code src/main/proto/fieldguide/stock/v1/stock.proto}; grpc-java serves it
 * on its own port ({@link dev.fieldguide.orders.stock.StockGrpcServer}). ReserveStock is
 * idempotent by a caller-chosen reservation id (a unique row and the conditional decrement in one
 * transaction), honours the caller's deadline down to PostgreSQL's {@code statement_timeout},
 * and every failure becomes one gRPC status in one place ({@code StatusMapping}).
 *
 * @see dev.fieldguide.orders.stock.StockGrpcIntegrationTests
 * @see dev.fieldguide.orders.stock.StockGrpcPortIntegrationTests
 * @see dev.fieldguide.orders.stock.StatusMappingTests
 */
@ApplicationModule(displayName = "stock (A3, gRPC)", allowedDependencies = {"catalog",
    "db", "errors"})
@NullMarked
package dev.fieldguide.orders.stock;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
