package dev.fieldguide.orders.jobs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** C4: the {@code job_groups} countdown and the {@code job_group_members} of each group. */
@Component
class JobGroups {

  private final JdbcClient jdbc;

  JobGroups(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void create(UUID groupId, int size, @Nullable Step callback) {
    jdbc.sql("""
        INSERT INTO job_groups (id, size, remaining, callback_type, callback_arguments)
        VALUES (:id, :size, :size, :type, :arguments::jsonb)
        """).param("id", groupId).param("size", size)
        .param("type", callback == null ? null : callback.type())
        .param("arguments", callback == null ? null : callback.arguments().toString()).update();
  }

  void addMember(UUID groupId, int position, UUID runId) {
    jdbc.sql("INSERT INTO job_group_members (run_id, group_id, position) VALUES (?, ?, ?)")
        .params(runId, groupId, position).update();
  }

  /**
   * Records a member's final outcome, once: the group to count down, or empty when {@code runId}
   * is no member or its outcome was recorded before (a success delivered twice, a re-driven dead
   * member). A concurrent second call waits on the row lock, then finds the outcome set.
   */
  Optional<UUID> settle(UUID runId, String outcome) {
    return jdbc.sql("""
        UPDATE job_group_members SET outcome = ? WHERE run_id = ? AND outcome IS NULL
        RETURNING group_id
        """).params(outcome, runId).query((rs, row) -> rs.getObject(1, UUID.class)).optional();
  }

  /**
   * Takes one member off {@code remaining} in one statement: the row lock it takes lets members
   * finishing at the same moment go one after another, each seeing the value the one before it
   * left, so exactly one of them sees 0. Held until the member's transaction ends.
   */
  Countdown countDown(UUID groupId, boolean dead) {
    return jdbc.sql("""
        UPDATE job_groups
        SET remaining = remaining - 1, dead = dead + :dead,
            finished_at = CASE WHEN remaining = 1 THEN now() END
        WHERE id = :id
        RETURNING remaining, callback_type, callback_arguments::text
        """).param("dead", dead ? 1 : 0).param("id", groupId)
        .query((rs, row) -> new Countdown(rs.getInt(1), rs.getString(2), rs.getString(3)))
        .single();
  }

  /** The members' results as JSON, in member order; {@code null} for a dead member or none. */
  List<String> results(UUID groupId) {
    return jdbc
        .sql(
            """
                SELECT coalesce(r.result::text, 'null') FROM job_group_members m JOIN job_runs r ON r.id = m.run_id
                WHERE m.group_id = ? ORDER BY m.position
                """)
        .param(groupId).query((rs, row) -> rs.getString(1)).list();
  }

  void callbackEnqueued(UUID groupId, UUID runId) {
    jdbc.sql("UPDATE job_groups SET callback_run_id = ? WHERE id = ?").params(runId, groupId)
        .update();
  }

  Optional<JobGroupView> find(UUID groupId) {
    List<UUID> members = jdbc.sql(
        "SELECT run_id FROM job_group_members WHERE group_id = ? ORDER BY position")
        .param(groupId).query((rs, row) -> rs.getObject(1, UUID.class)).list();
    return jdbc.sql("""
        SELECT size, remaining, dead, callback_run_id, created_at, finished_at
        FROM job_groups WHERE id = ?
        """).param(groupId).query((rs, row) -> JobGroupView.of(groupId, rs.getInt(1),
        rs.getInt(2), rs.getInt(3), members, rs.getObject(4, UUID.class),
        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)))
        .optional();
  }

  /** A group's counter after one member came off it, and its callback if it has one. */
  record Countdown(int remaining, @Nullable String callbackType,
      @Nullable String callbackArguments) {}
}
