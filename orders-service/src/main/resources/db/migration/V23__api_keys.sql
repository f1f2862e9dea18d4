-- R4: registered API keys. A key tells the rate limiter whose bucket a request takes from (its
-- owner's) and, if the key names one, under which policy; it grants no access. Only the key's
-- SHA-256 is kept: the key itself is shown once, when it is issued, so a copy of this table gives
-- nobody a key to send. A key is 256 random bits, so its digest cannot be reversed by guessing,
-- and a deliberately slow password hash would only slow down every keyed request.
--
-- A new table that no released code reads or locks: created in one step, no online migration.
CREATE TABLE api_keys (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key_sha256        text        NOT NULL
        CONSTRAINT api_keys_key_sha256_hex CHECK (key_sha256 ~ '^[0-9a-f]{64}$'),
    owner             text        NOT NULL
        CONSTRAINT api_keys_owner_not_blank CHECK (btrim(owner) <> ''),
    -- A policy of fieldguide.rate-limit.policies, by name; null: the policy of the request's path.
    rate_limit_policy text,
    -- The admin (token subject) who issued it.
    created_by        text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    revoked_at        timestamptz,
    -- Each request looks its key up by digest.
    CONSTRAINT api_keys_key_sha256_unique UNIQUE (key_sha256)
);
