-- D3 + PG2: the index for "pending orders nobody has touched since <cutoff>" (the operators'
-- stale-order list, orders.StalePendingOrders), built without blocking writers.
--
-- Partial: only NEW orders are in it. Pending orders are a small, moving slice of the table, so the
-- index stays a fraction of a full one and the query reads only the rows it returns.
--
-- CONCURRENTLY: a plain CREATE INDEX holds a SHARE lock for the whole build, so every INSERT and
-- UPDATE on orders waits until it ends. CONCURRENTLY builds in several passes and only waits for
-- transactions already running. It cannot run inside a transaction block: the .sql.conf beside this
-- file tells Flyway to run each statement on its own (executeInTransaction=false). If the build
-- fails half-way it leaves an INVALID index behind, hence the DROP ... IF EXISTS first, so a
-- retried deploy starts clean. lock_timeout bounds each wait for a lock, as in V15.
SET lock_timeout = '3s';
DROP INDEX CONCURRENTLY IF EXISTS orders_stale_pending_idx;
CREATE INDEX CONCURRENTLY orders_stale_pending_idx ON orders (updated_at) WHERE status = 'NEW';
RESET lock_timeout;
