package dev.fieldguide.orders.support;

import dev.fieldguide.fixtures.Fixtures;
import dev.fieldguide.orders.FieldGuideApplication;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RedissonClient;
import org.redisson.config.SingleServerConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second instance of the whole service on its own port, sharing the first one's PostgreSQL
 * database and Redis database: for claims that must hold across instances (single flight, rate
 * limits). Started on first use, stopped with the test context. It runs no jobs (see below);
 * a second job node is {@code WorkerCrashRecoveryIntegrationTests}' own.
 */
public class SecondInstance implements DisposableBean {

  private final JdbcConnectionDetails database;
  private final RedissonClient redisson;
  private @Nullable ConfigurableApplicationContext context;

  SecondInstance(JdbcConnectionDetails database, RedissonClient redisson) {
    this.database = database;
    this.redisson = redisson;
  }

  /** Where the second instance listens. */
  public URI base() {
    return baseOf(context());
  }

  /** Where an instance started by {@link #startService} listens. */
  public static URI baseOf(ConfigurableApplicationContext instance) {
    return URI.create("http://127.0.0.1:"
        + instance.getEnvironment().getRequiredProperty("local.server.port"));
  }

  public <T> T bean(Class<T> type) {
    return context().getBean(type);
  }

  private synchronized ConfigurableApplicationContext context() {
    if (context == null) {
      // This instance's scheduler never starts: it serves HTTP only.
      context = startService(database.getJdbcUrl(), database, redisson,
          "--spring.quartz.scheduler-name=field-guide-second-instance",
          "--spring.quartz.auto-startup=false");
    }
    return context;
  }

  /**
   * Starts another instance of the service (with the fixtures) in this JVM on a free port, on the database at
   * {@code jdbcUrl} (with the suite's credentials) and the suite's Redis database, with {@code extraArguments} on top. Its Quartz scheduler needs a
   * name of its own ({@code --spring.quartz.scheduler-name=...}): Quartz keeps JVM-wide registries
   * keyed by scheduler name, and a second scheduler of the same name in this JVM would take over
   * the first one's connections. The caller closes the context.
   */
  public static ConfigurableApplicationContext startService(String jdbcUrl,
      JdbcConnectionDetails credentials, RedissonClient redisson, String... extraArguments) {
    SingleServerConfig redis = redisson.getConfig().useSingleServer();
    URI redisAddress = URI.create(redis.getAddress());
    // Command-line arguments, not builder properties: those are only defaults, and
    // application.yaml (server.port 8080, the scheduler name) would win over them.
    // Both ports free ones: the test profile says so for gRPC too, stated here as well because
    // two instances on one port would fail to start, whatever a profile says.
    List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--fieldguide.grpc.port=0",
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=" + credentials.getUsername(),
        "--spring.datasource.password=" + Objects.requireNonNullElse(credentials.getPassword(), ""),
        "--spring.data.redis.host=" + redisAddress.getHost(),
        "--spring.data.redis.port=" + redisAddress.getPort(),
        "--spring.data.redis.database=" + redis.getDatabase()));
    arguments.addAll(List.of(extraArguments));
    return new SpringApplicationBuilder(FieldGuideApplication.class, Fixtures.class)
        .profiles("test")
        .run(arguments.toArray(String[]::new));
  }

  @Override
  public synchronized void destroy() {
    if (context != null) {
      context.close();
    }
  }
}
