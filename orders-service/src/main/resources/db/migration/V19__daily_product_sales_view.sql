-- PG8: reporting from a materialized view. Daily sales per product, precomputed from orders and
-- their lines, so a report reads a few hundred small rows instead of aggregating every order of
-- the range on each request.
--
-- What counts: every order that is not CANCELLED (NEW, PAID, SHIPPED, DELIVERED): an order is a
-- sale from the moment it is placed, and one cancelled later drops out at the next refresh.
-- Days are UTC calendar days, whatever the session's time zone.
-- order_lines is unique on (order_id, product_id), so one row per order and product: count(*)
-- per (day, product) is the number of orders.
--
-- WITH NO DATA: the migration stays instant however many orders exist; the refresh job fills
-- the view (its first refresh cannot be CONCURRENTLY: there is nothing to diff against yet).
CREATE MATERIALIZED VIEW daily_product_sales AS
SELECT (o.created_at AT TIME ZONE 'UTC')::date           AS day,
       l.product_id                                      AS product_id,
       count(*)::bigint                                  AS orders,
       sum(l.quantity)::bigint                           AS units,
       sum(l.quantity::bigint * l.unit_price_cents)::bigint AS revenue_cents
FROM orders o
JOIN order_lines l ON l.order_id = o.id
WHERE o.status <> 'CANCELLED'
GROUP BY 1, 2
WITH NO DATA;

-- REFRESH ... CONCURRENTLY needs a unique index on plain columns covering every row: it diffs
-- the new result against the old by this key and applies only the changed rows, so readers keep
-- reading the old rows meanwhile. It also serves "every product, these days".
CREATE UNIQUE INDEX daily_product_sales_day_product_key ON daily_product_sales (day, product_id);
-- "One product, these days": the product first, then the range.
CREATE INDEX daily_product_sales_product_day_idx ON daily_product_sales (product_id, day);

-- When each report view was last refreshed, in the database (not in an instance's memory): every
-- instance reads the same answer, it survives restarts, and it is written in the refresh's own
-- transaction, so on a streaming replica it arrives together with the data it describes.
CREATE TABLE report_refreshes (
    view_name     text        PRIMARY KEY,
    -- The refresh transaction's start: the view holds every order committed before it
    -- (conservative by the refresh's own duration). NULL until the first refresh.
    refreshed_at  timestamptz,
    duration_ms   bigint,
    refreshed_concurrently boolean
);
INSERT INTO report_refreshes (view_name) VALUES ('daily_product_sales');
