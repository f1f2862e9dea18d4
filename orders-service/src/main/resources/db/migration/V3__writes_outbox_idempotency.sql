-- Writes that survive retries and crashes.

-- D5/PG9: the transactional outbox. An event row is written in the same transaction as the
-- change it describes; a relay publishes it later. Nothing is published from inside a transaction.
CREATE TABLE outbox_events (
    id              uuid PRIMARY KEY,
    aggregate_type  text        NOT NULL,
    aggregate_id    text        NOT NULL,
    event_type      text        NOT NULL,
    payload         jsonb       NOT NULL,
    traceparent     text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    status          text        NOT NULL DEFAULT 'PENDING'
        CONSTRAINT outbox_events_status_known CHECK (status IN ('PENDING', 'SENT', 'DEAD')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    last_error      text
);
-- The relay's claim query reads only due, pending events, oldest first.
CREATE INDEX outbox_events_due_idx ON outbox_events (next_attempt_at, created_at)
    WHERE status = 'PENDING';

-- A2: Idempotency-Key. One row per (client, key) that completed, with the request's fingerprint
-- and the response to replay. In-flight requests hold a transaction-scoped advisory lock instead
-- of a row, so a crash mid-request leaves nothing behind to block the client's retry.
CREATE TABLE idempotency_keys (
    client_id        text        NOT NULL,
    idempotency_key  text        NOT NULL,
    fingerprint      text        NOT NULL,
    response_status  integer     NOT NULL,
    response_headers jsonb       NOT NULL,
    response_body    bytea       NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    PRIMARY KEY (client_id, idempotency_key)
);
CREATE INDEX idempotency_keys_expires_at_idx ON idempotency_keys (expires_at);
