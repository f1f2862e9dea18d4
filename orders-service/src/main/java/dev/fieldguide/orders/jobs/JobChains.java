package dev.fieldguide.orders.jobs;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** C4: the {@code job_chain_steps} rows — every step of a chain and, once enqueued, its run. */
@Component
class JobChains {

  private final JdbcClient jdbc;

  JobChains(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID chainId, int position, Step step) {
    jdbc.sql("""
        INSERT INTO job_chain_steps (chain_id, position, job_type, arguments)
        VALUES (?, ?, ?, ?::jsonb)
        """).params(chainId, position, step.type(), step.arguments().toString()).update();
  }

  void assign(UUID chainId, int position, UUID runId) {
    jdbc.sql("UPDATE job_chain_steps SET run_id = ? WHERE chain_id = ? AND position = ?")
        .params(runId, chainId, position).update();
  }

  /**
   * The step after the one {@code runId} ran, locked until the caller's transaction ends; empty
   * when that run is no chain step or the chain's last. A second success of the same run waits
   * for the first one's commit and then sees the next step's run already set.
   */
  Optional<Next> lockNext(UUID runId) {
    return jdbc.sql("""
        SELECT next.chain_id, next.position, next.job_type, next.arguments::text, next.run_id
        FROM job_chain_steps done
        JOIN job_chain_steps next
          ON next.chain_id = done.chain_id AND next.position = done.position + 1
        WHERE done.run_id = ?
        FOR UPDATE OF next
        """).param(runId).query((rs, row) -> new Next(rs.getObject(1, UUID.class), rs.getInt(2),
        rs.getString(3), rs.getString(4), rs.getObject(5, UUID.class))).optional();
  }

  Optional<JobChainView> find(UUID chainId) {
    List<JobChainView.StepView> steps = jdbc.sql("""
        SELECT s.position, s.job_type, s.run_id, r.state
        FROM job_chain_steps s LEFT JOIN job_runs r ON r.id = s.run_id
        WHERE s.chain_id = ? ORDER BY s.position
        """).param(chainId).query((rs, row) -> new JobChainView.StepView(rs.getInt(1),
        rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4))).list();
    return steps.isEmpty() ? Optional.empty() : Optional.of(JobChainView.of(chainId, steps));
  }

  /** A chain's next step; {@code runId} is set once it has been enqueued. */
  record Next(UUID chainId, int position, String type, String arguments, @Nullable UUID runId) {}
}
