-- D3, expand: orders gain updated_at without a table rewrite and without queueing writers.
--
-- One statement would do it offline: ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now().
-- But now() is volatile, so PostgreSQL would rewrite every row under an ACCESS EXCLUSIVE lock,
-- and nothing could read or write orders until it finished. Instead:
--   V15 (this file)  add the column nullable and give it a default for new rows (catalog-only);
--   the backfill job (migrations.BackfillOrderUpdatedAtTask) fills old rows in keyset chunks;
--   V16 (contract)   NOT NULL through a CHECK ... NOT VALID that is validated without blocking;
--   V17              the index that needs the column, built CONCURRENTLY.
--
-- Even a catalog-only ALTER needs ACCESS EXCLUSIVE for a moment, and while it waits behind a long
-- transaction every new query on orders queues behind *it*. lock_timeout bounds that: give up after
-- 3 s (the deploy fails and is retried) rather than stall the application.
SET LOCAL lock_timeout = '3s';

ALTER TABLE orders ADD COLUMN updated_at timestamptz;
ALTER TABLE orders ALTER COLUMN updated_at SET DEFAULT now();

-- Writers that never name the column (JPA, the jobs, ad-hoc SQL) still keep it true: an UPDATE
-- that leaves updated_at as it was gets now(). One that sets it (the backfill) is left alone.
CREATE FUNCTION orders_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER orders_touch_updated_at BEFORE UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION orders_touch_updated_at();
