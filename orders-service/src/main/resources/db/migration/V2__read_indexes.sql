-- Indexes for the list endpoints. Each one matches a query's filter AND its sort order, so a page
-- is read straight off the index: no sort node, about `limit` rows touched, at any depth.

-- GET /api/v1/orders: keyset on (created_at, id), newest first.
CREATE INDEX orders_created_at_id_idx ON orders (created_at DESC, id DESC);
-- ... filtered by customer or by status (the equality column first, then the sort columns).
CREATE INDEX orders_customer_created_at_id_idx ON orders (customer_id, created_at DESC, id DESC);
CREATE INDEX orders_status_created_at_id_idx ON orders (status, created_at DESC, id DESC);
-- The customer index above starts with customer_id and serves the foreign key too.
DROP INDEX orders_customer_id_idx;

-- GET /api/v1/products?attr.color=red: JSONB containment (@>); jsonb_path_ops is smaller and
-- faster than the default opclass and supports exactly @>.
-- fastupdate = off: products are read far more than written. With the default, new rows wait in
-- the GIN "pending list" until vacuum, every search scans that list, and the planner (rightly)
-- prices the index out in favour of a sequential scan after a bulk load.
CREATE INDEX products_attributes_idx ON products USING gin (attributes jsonb_path_ops)
    WITH (fastupdate = off);
-- GET /api/v1/products?q=mug: full-text search on the name ('simple' config: no stemming, so
-- SKU-like words match as typed).
CREATE INDEX products_name_search_idx ON products USING gin (to_tsvector('simple', name))
    WITH (fastupdate = off);
