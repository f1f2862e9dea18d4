-- D5: the notifications of one order (GET /api/v2/orders/{id}/notifications) are found through
-- this index instead of a scan of every notification ever sent.
--
-- CONCURRENTLY, as in V17: the worker inserts notifications while the index builds, and a plain
-- CREATE INDEX would hold them all until it ends. The .sql.conf beside this file runs it outside
-- a transaction; DROP ... IF EXISTS clears the INVALID index a failed build leaves behind.
SET lock_timeout = '3s';
DROP INDEX CONCURRENTLY IF EXISTS notifications_order_id_idx;
CREATE INDEX CONCURRENTLY notifications_order_id_idx ON notifications (order_id);
RESET lock_timeout;
