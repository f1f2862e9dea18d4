package dev.fieldguide.orders.jobs;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * C9: how far a chunked run has got ({@code job_checkpoints}). A task saves its checkpoint in the
 * transaction of the chunk it covers, so a retry of the run starts exactly after the last chunk
 * that committed: no row is skipped and none is done twice.
 */
@Component
class JobCheckpoints {

  private final JdbcClient jdbc;

  JobCheckpoints(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The run's last committed checkpoint; empty before its first chunk. */
  public Optional<Checkpoint> find(UUID runId) {
    return jdbc.sql("SELECT last_id, processed FROM job_checkpoints WHERE run_id = ?")
        .param(runId).query((rs, row) -> new Checkpoint(rs.getLong(1), rs.getLong(2))).optional();
  }

  /**
   * Moves the run's checkpoint to {@code lastId} and adds {@code processed} rows. MANDATORY: it
   * must join the chunk's transaction, because a checkpoint committed apart from its chunk is a
   * promise that can be broken either way.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void save(UUID runId, long lastId, long processed) {
    jdbc.sql("""
        INSERT INTO job_checkpoints (run_id, last_id, processed, updated_at)
        VALUES (:runId, :lastId, :processed, now())
        ON CONFLICT (run_id) DO UPDATE
          SET last_id = excluded.last_id, updated_at = excluded.updated_at,
              processed = job_checkpoints.processed + excluded.processed
        """).param("runId", runId).param("lastId", lastId).param("processed", processed)
        .update();
  }

  /** The last id a run has committed and how many rows it has processed so far. */
  public record Checkpoint(long lastId, long processed) {}
}
