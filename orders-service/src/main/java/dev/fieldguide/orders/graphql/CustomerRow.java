package dev.fieldguide.orders.graphql;

/** GraphQL's {@code Customer}: the three fields REST embeds in an order, and no more. */
record CustomerRow(long id, String email, String name) {}
