package dev.fieldguide.orders.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.testcontainers.DockerClientFactory;

/**
 * Decides once per test run where PostgreSQL and Redis come from, before any Spring context
 * starts: containers when Docker is available, otherwise a {@link TestRun} on the local servers.
 *
 * <p>{@code FIELDGUIDE_TEST_SERVICES=local|containers} overrides the detection.
 */
public final class LocalServicesSession implements LauncherSessionListener {

  /** System property telling {@link ContainerServices} whether to start containers. */
  static final String MODE_PROPERTY = "fieldguide.test.services";

  private @Nullable TestRun run;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String mode = System.getenv().getOrDefault("FIELDGUIDE_TEST_SERVICES",
        dockerAvailable() ? "containers" : "local");
    System.setProperty(MODE_PROPERTY, mode);
    if (!mode.equals("local")) {
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
    if (run != null) {
      try {
        run.close();
      } catch (SQLException e) {
        throw new IllegalStateException("Could not drop test database " + run.database(), e);
      }
    }
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
