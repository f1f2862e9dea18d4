-- C4: chains, groups and chords on top of job_runs.

-- A chain's steps, all written when it is enqueued. A step gets its run_id when the step before
-- it succeeds; the unique run_id and the row lock taken to set it let that happen only once.
CREATE TABLE job_chain_steps (
    chain_id  uuid    NOT NULL,
    position  integer NOT NULL,
    job_type  text    NOT NULL,
    arguments jsonb   NOT NULL DEFAULT '{}'::jsonb,
    run_id    uuid    CONSTRAINT job_chain_steps_run_key UNIQUE REFERENCES job_runs (id) ON DELETE SET NULL,
    PRIMARY KEY (chain_id, position)
);

-- A group runs its members in parallel; with a callback it is a chord. remaining counts members
-- that have not reached a final outcome; each member's final transaction takes one off it
-- (UPDATE ... SET remaining = remaining - 1 RETURNING), and the one that reaches 0 enqueues the
-- callback in that same transaction.
CREATE TABLE job_groups (
    id                 uuid        PRIMARY KEY,
    size               integer     NOT NULL CONSTRAINT job_groups_size_positive CHECK (size > 0),
    remaining          integer     NOT NULL
        CONSTRAINT job_groups_remaining_in_range CHECK (remaining >= 0 AND remaining <= size),
    dead               integer     NOT NULL DEFAULT 0,
    callback_type      text,
    callback_arguments jsonb,
    callback_run_id    uuid        REFERENCES job_runs (id) ON DELETE SET NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    finished_at        timestamptz
);

-- Membership, and each member's final outcome, written once: only the transaction that sets
-- outcome from NULL may count the member down, so a success recorded twice counts once.
CREATE TABLE job_group_members (
    run_id   uuid    PRIMARY KEY REFERENCES job_runs (id) ON DELETE CASCADE,
    group_id uuid    NOT NULL REFERENCES job_groups (id) ON DELETE CASCADE,
    position integer NOT NULL,
    outcome  text CONSTRAINT job_group_members_outcome_known CHECK (outcome IN ('SUCCEEDED', 'DEAD')),
    CONSTRAINT job_group_members_position_key UNIQUE (group_id, position)
);
