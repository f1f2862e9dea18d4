-- A4: the audit log. Who did what, when, with which outcome, under which request id: every
-- admin action and every refused authentication or authorization.
--
-- Append-only is enforced by the database, not by the application's good manners: a trigger
-- refuses UPDATE and DELETE row by row, and a statement trigger refuses TRUNCATE. Even a bug (or
-- an attacker with the application's credentials) cannot rewrite history through this table;
-- retention, when it comes, is a partition dropped by an operator, not a DELETE.
CREATE TABLE audit_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    -- The token's subject; null when no valid token was presented.
    actor        text,
    -- "METHOD /path" of the request.
    action       text        NOT NULL,
    outcome      text        NOT NULL
        CONSTRAINT audit_events_outcome_known
            CHECK (outcome IN ('SUCCEEDED', 'FAILED', 'DENIED', 'UNAUTHENTICATED')),
    status       integer     NOT NULL,
    -- Why a token was refused, or what was denied; never the token itself.
    reason       text,
    request_id   text        NOT NULL,
    client_ip    text        NOT NULL
);

CREATE INDEX audit_events_occurred_at_idx ON audit_events (occurred_at DESC, id DESC);

CREATE FUNCTION audit_events_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_events_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
