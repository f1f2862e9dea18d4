-- C8: a run whose attempt outlived its task's hard time limit is TIMED_OUT, a final state like
-- DEAD but never retried on its own: the abandoned thread may still be running.
ALTER TABLE job_runs DROP CONSTRAINT job_runs_state_known,
    ADD CONSTRAINT job_runs_state_known
        CHECK (state IN ('SCHEDULED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'DEAD', 'TIMED_OUT'));
ALTER TABLE job_attempts DROP CONSTRAINT job_attempts_outcome_known,
    ADD CONSTRAINT job_attempts_outcome_known
        CHECK (outcome IN ('SUCCEEDED', 'FAILED', 'TIMED_OUT'));

-- C9: how far a chunked run has got. Written in the same transaction as each chunk's updates,
-- so it never claims a chunk that rolled back, nor misses one that committed; the next attempt
-- of the run starts after last_id. Goes with its run when the retention cleanup deletes it.
CREATE TABLE job_checkpoints (
    run_id     uuid        PRIMARY KEY REFERENCES job_runs (id) ON DELETE CASCADE,
    last_id    bigint      NOT NULL,
    processed  bigint      NOT NULL CONSTRAINT job_checkpoints_processed_not_negative CHECK (processed >= 0),
    updated_at timestamptz NOT NULL DEFAULT now()
);
