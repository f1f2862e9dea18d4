-- D5: stream messages a consumer group gave up on. A message whose handler failed (or that its
-- consumer could not read) on every one of fieldguide.outbox.max-deliveries deliveries is written
-- here and then acknowledged, so the group moves on; an operator reads the row, fixes the cause
-- and re-drives it (the message is appended to the stream again, once).
--
-- A new table that no released code reads or locks: created in one step. No online migration.
CREATE TABLE inbox_dead_letters (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The consumer group that gave up, and the stream and message id it gave up on.
    consumer         text        NOT NULL,
    stream           text        NOT NULL,
    message_id       text        NOT NULL,
    -- Read from the message's fields when they are there and well-formed; NULL when the message
    -- itself was the problem (no eventId, or one that is not a UUID).
    event_id         uuid,
    event_type       text,
    event_version    text,
    -- Every field of the message as it was on the stream: what a re-drive appends again.
    fields           jsonb       NOT NULL,
    -- Deliveries to the group, the last one included (the stream's own count, from XPENDING).
    deliveries       integer     NOT NULL,
    last_error       text        NOT NULL,
    dead_lettered_at timestamptz NOT NULL DEFAULT now(),
    -- Set once, by the re-drive that appended the message again, with the new message's id.
    redriven_at      timestamptz,
    redriven_as      text,
    -- A consumer that dies between this insert and its XACK meets the message again: one row.
    CONSTRAINT inbox_dead_letters_message_unique UNIQUE (consumer, stream, message_id)
);
