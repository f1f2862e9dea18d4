package dev.fieldguide.orders.graphql;

/**
 * GraphQL's {@code OrderLine}, with the ids its parent and product are found by; the product
 * itself is loaded per page by {@link OrderBatchMappings}.
 */
public record LineRow(long id, long orderId, long productId, int quantity, long unitPriceCents) {}
