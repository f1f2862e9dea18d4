-- T3: order events delivered to subscribers as webhooks. One row per (event, endpoint), written
-- in the transaction of the consumer that reacted to the event (with its processed_events row)
-- and sent afterwards by the dispatcher; it survives any number of failed attempts and restarts.
--
-- A new table that no released code reads or locks: created in one step, its index with it (an
-- empty table builds one at once, so CONCURRENTLY would buy nothing). No online migration needed.
CREATE TABLE webhook_deliveries (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The event's id: webhook-id and Idempotency-Key on every attempt.
    event_id        uuid        NOT NULL,
    -- An endpoint of fieldguide.webhooks.endpoints, by name: its URL and secret are read when it
    -- is sent, so they can change while a delivery waits.
    endpoint        text        NOT NULL,
    -- The exact JSON sent and signed; text, not jsonb, which would not keep the bytes.
    body            text        NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING'
        CONSTRAINT webhook_deliveries_status_known
            CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
    -- Attempts started; a claim counts one before sending, so a worker that dies mid-send used one.
    attempts        integer     NOT NULL DEFAULT 0,
    -- When it is due: the next attempt, or while an attempt runs, the end of the worker's lease.
    next_attempt_at timestamptz NOT NULL,
    -- What the last attempt came to: "HTTP 204", "HTTP 429, Retry-After 3 s", or the I/O
    -- error's class and message when there was no answer.
    last_outcome    text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- When it was delivered or declared dead.
    settled_at      timestamptz,
    CONSTRAINT webhook_deliveries_event_endpoint_unique UNIQUE (event_id, endpoint)
);

-- The dispatcher's claim: pending rows in the order they fall due. Settled rows stay out of it.
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at)
    WHERE status = 'PENDING';
