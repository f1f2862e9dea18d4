-- C1 result backend: one row per enqueued task run (state, attempts, timings, result, error);
-- Quartz's own tables are only the queue. One row per attempt keeps the retry schedule visible.
CREATE TABLE job_runs (
    id           uuid        PRIMARY KEY,
    job_type     text        NOT NULL,
    arguments    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    state        text        NOT NULL
        CONSTRAINT job_runs_state_known CHECK (state IN ('SCHEDULED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'DEAD')),
    attempts     integer     NOT NULL DEFAULT 0,
    max_attempts integer     NOT NULL CONSTRAINT job_runs_max_attempts_positive CHECK (max_attempts > 0),
    run_at       timestamptz NOT NULL,
    started_at   timestamptz,
    finished_at  timestamptz,
    result       jsonb,
    last_error   text,
    traceparent  text,
    created_at   timestamptz NOT NULL DEFAULT now()
);
-- Dead runs are what operators look for; finished ones are what the cleanup deletes.
CREATE INDEX job_runs_state_idx ON job_runs (state, finished_at);

CREATE TABLE job_attempts (
    run_id      uuid        NOT NULL REFERENCES job_runs (id) ON DELETE CASCADE,
    attempt     integer     NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    outcome     text CONSTRAINT job_attempts_outcome_known CHECK (outcome IN ('SUCCEEDED', 'FAILED')),
    error       text,
    PRIMARY KEY (run_id, attempt)
);
