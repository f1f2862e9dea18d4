package dev.fieldguide.orders.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.testcontainers.DockerClientFactory;

/**
 * Decides once per test run where PostgreSQL and Redis come from, before any Spring context
 * starts: containers when Docker is available, otherwise a {@link TestRun} on the local servers.
 *
 * <p>The local run is opened only for a plan that holds an {@code *IntegrationTests} class: the
 * unit layer ({@code ./mvnw test}) neither needs the servers nor waits for them, and a unit test
 * that reaches for them fails. {@code FIELDGUIDE_TEST_SERVICES=local|containers} overrides the
 * detection.
 */
public final class LocalServicesSession implements LauncherSessionListener, TestExecutionListener {

  /** System property telling {@link ContainerServices} whether to start containers. */
  static final String MODE_PROPERTY = "fieldguide.test.services";

  // Static: JUnit loads this class once as the session listener and once as the execution
  // listener, and both instances share the JVM's one run.
  private static @Nullable TestRun run;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String mode = System.getenv().getOrDefault("FIELDGUIDE_TEST_SERVICES",
        dockerAvailable() ? "containers" : "local");
    System.setProperty(MODE_PROPERTY, mode);
  }

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    if ("local".equals(System.getProperty(MODE_PROPERTY)) && needsServices(plan)) {
      openRun();
    }
  }

  private static synchronized void openRun() {
    if (run != null) {
      return;
    }
    try {
      TestRun.LocalServers servers = TestRun.LocalServers.fromEnvironment();
      TestRun opened = TestRun.open(servers);
      System.setProperty("spring.datasource.url", opened.jdbcUrl());
      System.setProperty("spring.datasource.username", servers.pgUser());
      System.setProperty("spring.datasource.password", servers.pgPassword());
      System.setProperty("spring.data.redis.host", servers.redisHost());
      System.setProperty("spring.data.redis.port", String.valueOf(servers.redisPort()));
      System.setProperty("spring.data.redis.database", String.valueOf(opened.redisDatabase()));
      run = opened;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot prepare the local PostgreSQL for this test run. "
          + "Is it running on PGHOST/PGPORT (default 127.0.0.1:5432)?", e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    closeRun();
  }

  private static synchronized void closeRun() {
    TestRun opened = run;
    if (opened != null) {
      run = null;
      try {
        opened.close();
      } catch (SQLException e) {
        throw new IllegalStateException("Could not drop test database " + opened.database(), e);
      }
    }
  }

  /** Whether the plan runs an integration test (by the layer's naming rule), nested ones too. */
  private static boolean needsServices(TestPlan plan) {
    return plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
        .map(TestIdentifier::getSource).flatMap(Optional::stream)
        .filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
        .map(source -> source.getClassName().replaceFirst("\\$.*", ""))
        .anyMatch(name -> name.endsWith("IntegrationTests"));
  }

  private static boolean dockerAvailable() {
    // Skip Testcontainers' probing (slow, and loud when it fails) where no engine can be reached.
    if (System.getenv("DOCKER_HOST") == null
        && !Files.exists(Path.of("/var/run/docker.sock"))
        && !Files
            .exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
