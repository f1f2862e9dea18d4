package dev.fieldguide.orders.jobs;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * C6: the processed-ids record that makes at-least-once delivery safe. Claim the run id in the
 * same transaction as the task's effect; only the first execution of a run gets true, so a run
 * executed again (its worker died after the commit, or before it could record success) changes
 * nothing the second time.
 */
@Component
public class ProcessedRuns {

  private final JdbcClient jdbc;

  ProcessedRuns(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** True the first time for {@code runId}; must run inside the effect's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean claim(UUID runId) {
    return jdbc.sql("INSERT INTO processed_job_runs (run_id) VALUES (?) ON CONFLICT DO NOTHING")
        .param(runId).update() == 1;
  }
}
