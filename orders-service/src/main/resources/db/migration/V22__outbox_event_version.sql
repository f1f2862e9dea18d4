-- D5: every event carries the schema version of its payload next to its type, so a consumer reads
-- a payload by (type, version) and never guesses. Rows written before this column were version 1.
--
-- A constant default is catalog-only since PostgreSQL 11 (no table rewrite), but the ALTER still
-- needs ACCESS EXCLUSIVE for a moment; lock_timeout keeps a wait behind a long transaction from
-- queueing the relay and every order placement behind it (see V15).
SET LOCAL lock_timeout = '3s';

-- No CHECK here: validating one would scan every row under that lock; the writer only ever stores
-- versions of 1 or more (StreamEventType).
ALTER TABLE outbox_events ADD COLUMN event_version integer NOT NULL DEFAULT 1;
