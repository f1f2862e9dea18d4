package dev.fieldguide.orders.support;

import dev.fieldguide.orders.FieldGuideApplication;
import java.net.URI;
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
    return URI.create("http://127.0.0.1:"
        + context().getEnvironment().getRequiredProperty("local.server.port"));
  }

  public <T> T bean(Class<T> type) {
    return context().getBean(type);
  }

  private synchronized ConfigurableApplicationContext context() {
    if (context == null) {
      SingleServerConfig redis = redisson.getConfig().useSingleServer();
      URI redisAddress = URI.create(redis.getAddress());
      // Command-line arguments, not builder properties: those are only defaults, and
      // application.yaml (server.port 8080, the scheduler name) would win over them.
      context = new SpringApplicationBuilder(FieldGuideApplication.class).profiles("test")
          .run("--server.port=0", "--spring.datasource.url=" + database.getJdbcUrl(),
              "--spring.datasource.username=" + database.getUsername(),
              "--spring.datasource.password=" + nullToEmpty(database.getPassword()),
              "--spring.data.redis.host=" + redisAddress.getHost(),
              "--spring.data.redis.port=" + redisAddress.getPort(),
              "--spring.data.redis.database=" + redis.getDatabase(),
              // Quartz keeps JVM-wide registries keyed by scheduler name; a second scheduler of
              // the same name in this JVM would take over the first one's connections. This
              // instance's scheduler gets its own name and never starts: it serves HTTP only.
              "--spring.quartz.scheduler-name=field-guide-second-instance",
              "--spring.quartz.auto-startup=false");
    }
    return context;
  }

  private static String nullToEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  @Override
  public synchronized void destroy() {
    if (context != null) {
      context.close();
    }
  }
}
