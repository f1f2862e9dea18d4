-- C6: at-least-once delivery made harmless. A task writes its run id here in the same transaction
-- as its effect; a second execution of the same run (a recovered job, a duplicate trigger) finds
-- the id and skips the effect.
CREATE TABLE processed_job_runs (
    run_id       uuid        PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- The effect of the lab's demo task: how many times each key was applied (should be once).
CREATE TABLE job_demo_effects (
    effect_key text    PRIMARY KEY,
    applied    integer NOT NULL
);
