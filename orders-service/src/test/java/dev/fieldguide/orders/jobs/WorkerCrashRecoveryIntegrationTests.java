package dev.fieldguide.orders.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.fieldguide.fixtures.ApplyOnceTask;
import dev.fieldguide.orders.support.IntegrationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * C6: a job whose worker node stops mid-job is run again by another node (Quartz clustering with
 * requestsRecovery), and the processed-ids record keeps its effect to one application — also when
 * the stopped node's stuck thread finishes late.
 */
@IntegrationTest
class WorkerCrashRecoveryIntegrationTests {

  @Autowired
  Scheduler scheduler;

  @Autowired
  JobScheduler jobs;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  JdbcConnectionDetails database;

  @Autowired
  ApplicationContext context;

  @Test
  void aJobOnANodeThatStopsMidJobCompletesOnceOnAnotherNode() throws Exception {
    String key = "crash-" + UUID.randomUUID();
    ApplyOnceTask.hold(key);
    UUID runId;
    try (var pool = pool(); var otherNode = new OtherNode(pool)) {
      try {
        scheduler.standby(); // so the job lands on the other node
        try {
          runId = jobs.enqueue(ApplyOnceTask.TYPE,
              JsonNodeFactory.instance.objectNode().put("key", key), Instant.now());
          await().atMost(Duration.ofSeconds(30)).until(() -> state(runId).equals("RUNNING"));
        } finally {
          scheduler.start();
        }

        otherNode.stopAbruptly(); // stops checking in; its job thread is stuck mid-job

        await().atMost(Duration.ofSeconds(60)).until(() -> state(runId).equals("SUCCEEDED"));
      } finally {
        ApplyOnceTask.release(key); // the stopped node's thread now finishes, late
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> attemptsFinished(runId) == 2);
    }

    assertThat(jdbc.sql("SELECT attempts FROM job_runs WHERE id = ?").param(runId)
        .query(Integer.class).single()).isEqualTo(2);
    assertThat(jdbc.sql("SELECT applied FROM job_demo_effects WHERE effect_key = ?").param(key)
        .query(Integer.class).single()).as("effect applications").isEqualTo(1);
  }

  private HikariDataSource pool() {
    var pool = new HikariDataSource();
    pool.setJdbcUrl(database.getJdbcUrl());
    pool.setUsername(database.getUsername());
    pool.setPassword(database.getPassword());
    pool.setMaximumPoolSize(4);
    return pool;
  }

  private String state(UUID runId) {
    return jdbc.sql("SELECT state FROM job_runs WHERE id = ?").param(runId).query(String.class)
        .single();
  }

  private long attemptsFinished(UUID runId) {
    return Objects.requireNonNull(jdbc.sql(
        "SELECT count(*) FROM job_attempts WHERE run_id = ? AND finished_at IS NOT NULL")
        .param(runId).query(Long.class).single());
  }

  /**
   * A second node of the service's Quartz cluster (same scheduler name and tables, its own
   * instance id, threads and connections), running the application's jobs with its beans. Quartz
   * registers connection providers JVM-wide by name, so this node's has a name of its own.
   */
  private final class OtherNode implements AutoCloseable {

    private final Scheduler node;

    OtherNode(HikariDataSource pool) throws SchedulerException {
      String dataSource = "other-node-" + UUID.randomUUID();
      DBConnectionManager.getInstance().addConnectionProvider(dataSource,
          new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
              return pool.getConnection();
            }

            @Override
            public void shutdown() {}

            @Override
            public void initialize() {}
          });
      Properties properties = new Properties();
      properties.put("org.quartz.scheduler.instanceName", "field-guide");
      properties.put("org.quartz.scheduler.instanceId", "other-node");
      properties.put("org.quartz.scheduler.idleWaitTime", "1000");
      properties.put("org.quartz.threadPool.threadCount", "2");
      properties.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
      properties.put("org.quartz.jobStore.driverDelegateClass",
          "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
      properties.put("org.quartz.jobStore.isClustered", "true");
      properties.put("org.quartz.jobStore.clusterCheckinInterval", "1000");
      properties.put("org.quartz.jobStore.dataSource", dataSource);
      StdSchedulerFactory factory = new StdSchedulerFactory(properties);
      node = factory.getScheduler();
      var jobFactory = new SpringBeanJobFactory();
      jobFactory.setApplicationContext(context);
      node.setJobFactory(jobFactory);
      node.start();
    }

    /** Stops the node's scheduler without waiting for its running job, which stays stuck. */
    void stopAbruptly() throws SchedulerException {
      node.shutdown(false);
    }

    @Override
    public void close() throws SchedulerException {
      node.shutdown(false);
    }
  }
}
