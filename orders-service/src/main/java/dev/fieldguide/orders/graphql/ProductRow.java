package dev.fieldguide.orders.graphql;

/** GraphQL's {@code Product}: the relational columns, not the JSONB attributes. */
public record ProductRow(long id, String sku, String name, long priceCents) {}
