package dev.fieldguide.orders.jobs;

import dev.fieldguide.orders.errors.NotFoundException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** C1 result backend: the {@code job_runs} and {@code job_attempts} rows of each task run. */
@Component
class JobRuns {

  private static final int MAX_ERROR_LENGTH = 2_000;

  private final JdbcClient jdbc;

  JobRuns(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a new run; an id already recorded (a recovered periodic firing, C5) is kept. */
  void insert(UUID id, String type, String arguments, int maxAttempts, Instant runAt,
      @Nullable String traceparent) {
    jdbc.sql("""
        INSERT INTO job_runs (id, job_type, arguments, state, max_attempts, run_at, traceparent)
        VALUES (:id, :type, :arguments::jsonb, 'SCHEDULED', :maxAttempts, :runAt, :traceparent)
        ON CONFLICT (id) DO NOTHING
        """).param("id", id).param("type", type).param("arguments", arguments)
        .param("maxAttempts", maxAttempts).param("runAt", utc(runAt))
        .param("traceparent", traceparent).update();
  }

  /**
   * Starts the next attempt of a run that is not finished (a RUNNING one is a recovery after its
   * worker died); empty when it is finished, so a duplicate delivery does nothing.
   */
  Optional<Started> start(UUID id) {
    Optional<Started> started = jdbc.sql("""
        UPDATE job_runs SET state = 'RUNNING', attempts = attempts + 1,
                            started_at = coalesce(started_at, now())
        WHERE id = ? AND state IN ('SCHEDULED', 'RETRYING', 'RUNNING')
        RETURNING id, job_type, arguments::text, attempts, max_attempts, traceparent
        """).param(id).query((rs, row) -> new Started(rs.getObject(1, UUID.class),
        rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6)))
        .optional();
    started.ifPresent(run -> jdbc.sql(
        "INSERT INTO job_attempts (run_id, attempt, started_at) VALUES (?, ?, now())")
        .params(id, run.attempt()).update());
    return started;
  }

  /*
   * The outcome of an attempt is recorded only while that attempt is the run's latest: the attempt
   * number is the fencing token. A worker that stalled (or was presumed dead and its job recovered
   * elsewhere) and comes back late records nothing; false tells it so.
   */

  boolean succeeded(Started run, @Nullable String result) {
    boolean current = jdbc.sql("""
        UPDATE job_runs SET state = 'SUCCEEDED', finished_at = now(), result = :result::jsonb,
                            last_error = NULL
        WHERE id = :id AND attempts = :attempt AND state = 'RUNNING'
        """).param("result", result).param("id", run.id()).param("attempt", run.attempt())
        .update() == 1;
    finishAttempt(run, "SUCCEEDED", null);
    return current;
  }

  boolean retrying(Started run, String error, Instant nextAt) {
    boolean current = jdbc.sql("""
        UPDATE job_runs SET state = 'RETRYING', run_at = ?, last_error = ?
        WHERE id = ? AND attempts = ? AND state = 'RUNNING'
        """).params(utc(nextAt), truncate(error), run.id(), run.attempt()).update() == 1;
    finishAttempt(run, "FAILED", error);
    return current;
  }

  boolean dead(Started run, String error) {
    return ended(run, "DEAD", "FAILED", error);
  }

  /**
   * C8: the attempt outlived its hard time limit and was abandoned. Final, like DEAD, but a
   * separate state because the attempt's thread may still be running.
   */
  boolean timedOut(Started run, String error) {
    return ended(run, "TIMED_OUT", "TIMED_OUT", error);
  }

  /** Ends the run for good in {@code state}, if {@code run} is still its latest attempt. */
  private boolean ended(Started run, String state, String attemptOutcome, String error) {
    boolean current = jdbc.sql("""
        UPDATE job_runs SET state = ?, finished_at = now(), last_error = ?
        WHERE id = ? AND attempts = ? AND state = 'RUNNING'
        """).params(state, truncate(error), run.id(), run.attempt()).update() == 1;
    finishAttempt(run, attemptOutcome, error);
    return current;
  }

  /**
   * C5 retention: deletes up to {@code batch} runs that finished before {@code cutoff} (their
   * attempts and checkpoints go with them); returns how many went.
   */
  int deleteFinishedBefore(Instant cutoff, int batch) {
    return jdbc.sql("""
        DELETE FROM job_runs WHERE id IN (
          SELECT id FROM job_runs
          WHERE state IN ('SUCCEEDED', 'DEAD', 'TIMED_OUT') AND finished_at < ?
          LIMIT ?)
        """).params(utc(cutoff), batch).update();
  }

  /** Gives a dead run {@code attempts} more; empty when the run is unknown or not dead. */
  Optional<String> redrive(UUID id, int attempts) {
    return jdbc.sql("""
        UPDATE job_runs SET state = 'SCHEDULED', max_attempts = job_runs.attempts + ?,
                            run_at = now(), finished_at = NULL
        WHERE id = ? AND state = 'DEAD'
        RETURNING job_type
        """).params(attempts, id).query(String.class).optional();
  }

  /** The run as the API shows it; 404 when there is none. */
  JobRunView view(UUID id) {
    return find(id).orElseThrow(() -> new NotFoundException("job run", id));
  }

  Optional<JobRunView> find(UUID id) {
    return jdbc.sql("""
        SELECT r.id, r.job_type, r.state, r.attempts, r.max_attempts, r.run_at, r.started_at,
               r.finished_at, r.result::text, r.last_error,
               c.last_id, c.processed, c.updated_at
        FROM job_runs r LEFT JOIN job_checkpoints c ON c.run_id = r.id
        WHERE r.id = ?
        """).param(id).query((rs, row) -> new JobRunView(rs.getObject(1, UUID.class),
        rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
        rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
        rs.getObject(8, OffsetDateTime.class), rs.getString(9), rs.getString(10),
        rs.getObject(13) == null
            ? null
            : new JobRunView.Progress(rs.getLong(11), rs.getLong(12),
                rs.getObject(13, OffsetDateTime.class)),
        attempts(id))).optional();
  }

  private List<JobRunView.Attempt> attempts(UUID id) {
    return jdbc.sql("""
        SELECT attempt, started_at, finished_at, outcome, error
        FROM job_attempts WHERE run_id = ? ORDER BY attempt
        """).param(id).query((rs, row) -> new JobRunView.Attempt(rs.getInt(1),
        rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class),
        rs.getString(4), rs.getString(5))).list();
  }

  private void finishAttempt(Started run, String outcome, @Nullable String error) {
    jdbc.sql("""
        UPDATE job_attempts SET finished_at = now(), outcome = :outcome, error = :error
        WHERE run_id = :id AND attempt = :attempt
        """).param("outcome", outcome).param("error", error == null ? null : truncate(error))
        .param("id", run.id()).param("attempt", run.attempt()).update();
  }

  private static String truncate(String error) {
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** A run whose attempt number {@code attempt} has just started. */
  record Started(UUID id, String type, String arguments, int attempt, int maxAttempts,
      @Nullable String traceparent) {}
}
