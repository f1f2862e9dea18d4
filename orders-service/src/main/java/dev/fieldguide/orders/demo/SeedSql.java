package dev.fieldguide.orders.demo;

import java.util.List;

/**
 * The generating SQL. Ranges are sequence numbers, formatted in as numbers (never user text).
 * Arithmetic such as {@code g * 7919 % n} spreads rows deterministically where random() would not
 * be repeatable.
 */
final class SeedSql {

  private static final String EPOCH = "timestamptz '2025-01-01 00:00:00+00'";

  private SeedSql() {}

  static String customers(long from, long to) {
    return """
        INSERT INTO customers (email, name, created_at)
        SELECT format('customer%%s@example.test', g),
               (ARRAY['Ada','Grace','Alan','Edsger','Barbara','Donald','Margaret','Linus'])[(1 + g %% 8)::int]
                 || ' ' || (ARRAY['Lovelace','Hopper','Turing','Dijkstra','Liskov','Knuth'])[(1 + g %% 6)::int]
                 || ' ' || g,
               %s - make_interval(days => (g %% 365)::int)
        FROM generate_series(%d::bigint, %d::bigint) AS g
        ON CONFLICT DO NOTHING
        """
        .formatted(EPOCH, from, to);
  }

  static String products(long from, long to) {
    return """
        INSERT INTO products (sku, name, price_cents, stock, attributes)
        SELECT 'SKU-' || lpad(g::text, 6, '0'),
               (ARRAY['Classic','Eco','Pro','Mini','Ultra'])[(1 + g %% 5)::int] || ' '
                 || (ARRAY['Mug','Lamp','Chair','Desk','Kettle','Backpack','Notebook','Headphones'])[(1 + (g / 5) %% 8)::int]
                 || ' ' || g,
               199 + (g * 7919) %% 20000,
               100 + (g * 31) %% 900,
               jsonb_build_object(
                 'color', (ARRAY['red','green','blue','black','white'])[(1 + g %% 5)::int],
                 'size', (ARRAY['S','M','L','XL'])[(1 + (g / 7) %% 4)::int],
                 'material', (ARRAY['steel','oak','cotton','ceramic'])[(1 + (g / 3) %% 4)::int])
        FROM generate_series(%d::bigint, %d::bigint) AS g
        ON CONFLICT DO NOTHING
        """
        .formatted(from, to);
  }

  /**
   * Orders {@code from..to} with 1–5 lines each (3 on average). Ids are drawn from the orders
   * sequence up front, so lines can reference their order without a round trip and concurrent
   * application inserts can never collide with them.
   */
  static List<String> orders(long from, long to) {
    String orders = """
        CREATE TEMP TABLE seed_orders ON COMMIT DROP AS
        SELECT g,
               nextval(pg_get_serial_sequence('orders', 'id')) AS id,
               c.ids[(1 + (g * 7919) %% cardinality(c.ids))::int] AS customer_id,
               -- Skewed like a real shop's: most orders delivered, few still pending (PG2).
               CASE WHEN (g * 13) %% 100 < 2 THEN 'NEW'
                    WHEN (g * 13) %% 100 < 8 THEN 'PAID'
                    WHEN (g * 13) %% 100 < 16 THEN 'SHIPPED'
                    WHEN (g * 13) %% 100 < 21 THEN 'CANCELLED'
                    ELSE 'DELIVERED' END AS status,
               %s + g * interval '30 seconds' AS created_at
        FROM generate_series(%d::bigint, %d::bigint) AS g,
             (SELECT array_agg(id ORDER BY id) AS ids FROM customers
              WHERE email LIKE 'customer%%@example.test') AS c
        """
        .formatted(EPOCH, from, to);
    String lines = """
        CREATE TEMP TABLE seed_lines ON COMMIT DROP AS
        SELECT o.id AS order_id,
               p.ids[x.i] AS product_id,
               1 + ((o.g + k) % 3)::int AS quantity,
               p.prices[x.i] AS unit_price_cents
        FROM seed_orders AS o
        CROSS JOIN LATERAL generate_series(1, (1 + o.g % 5)::int) AS k
        CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids,
                           array_agg(price_cents ORDER BY id) AS prices
                    FROM products WHERE sku LIKE 'SKU-%') AS p
        CROSS JOIN LATERAL (SELECT (1 + (o.g * 31 + k) % cardinality(p.ids))::int AS i) AS x
        """;
    String insertOrders = """
        INSERT INTO orders (id, customer_id, status, total_cents, created_at, updated_at)
        SELECT o.id, o.customer_id, o.status, t.total, o.created_at, o.created_at
        FROM seed_orders AS o
        JOIN (SELECT order_id, sum(quantity * unit_price_cents) AS total
              FROM seed_lines GROUP BY order_id) AS t ON t.order_id = o.id
        """;
    String insertLines = """
        INSERT INTO order_lines (order_id, product_id, quantity, unit_price_cents)
        SELECT order_id, product_id, quantity, unit_price_cents FROM seed_lines
        """;
    return List.of(orders, lines, insertOrders, insertLines);
  }
}
