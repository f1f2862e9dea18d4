-- Issue 18, money bounds: no product costs more than 10,000,000.00 (1,000,000,000 cents), the
-- bound the API already holds (catalog.Product.MAX_PRICE_CENTS). With order lines capped at 1,000
-- units and orders at 50 lines, no order total can then overflow a bigint (or leave the integers a
-- JavaScript number holds exactly), whoever writes the price: the API, a script, a manual fix.
--
-- Online, as in V16: ADD ... NOT VALID takes ACCESS EXCLUSIVE only for the catalog change and
-- checks only new writes; VALIDATE then scans the existing rows under SHARE UPDATE EXCLUSIVE, so
-- reads and writes of products go on. Each statement commits on its own (the .sql.conf beside
-- this file), or the VALIDATE would run under the ADD's lock. lock_timeout bounds each wait for a
-- lock (V15); the DROP ... IF EXISTS makes a deploy that failed half-way safe to run again.
SET lock_timeout = '3s';
ALTER TABLE products DROP CONSTRAINT IF EXISTS products_price_bounded;
ALTER TABLE products ADD CONSTRAINT products_price_bounded CHECK (price_cents <= 1000000000) NOT VALID;
ALTER TABLE products VALIDATE CONSTRAINT products_price_bounded;
RESET lock_timeout;
