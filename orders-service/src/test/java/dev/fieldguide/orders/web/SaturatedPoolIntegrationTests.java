package dev.fieldguide.orders.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.SecondInstance;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A request that cannot get a database connection because every one is in use is told to come
 * back (503, {@code Retry-After}, code {@code DATABASE_BUSY}), not that the server failed (500).
 */
@IntegrationTest
class SaturatedPoolIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  JdbcConnectionDetails database;

  @Autowired
  RedissonClient redisson;

  @Test
  void aReadThatFindsEveryConnectionInUseGets503WithRetryAfter() throws Exception {
    // Small pools with a short wait, so the test holds few connections and waits little.
    try (ConfigurableApplicationContext instance = SecondInstance.startService(
        database.getJdbcUrl(), database, redisson,
        "--spring.quartz.scheduler-name=field-guide-saturated-pool",
        "--spring.quartz.auto-startup=false", "--fieldguide.outbox.relay.enabled=false",
        "--fieldguide.outbox.consumers.enabled=false",
        "--spring.datasource.hikari.maximum-pool-size=2",
        "--spring.datasource.hikari.connection-timeout=500",
        "--fieldguide.datasource.replica.hikari.maximum-pool-size=2",
        "--fieldguide.datasource.replica.hikari.connection-timeout=500")) {
      Api client = api.anonymous().at(SecondInstance.baseOf(instance));
      List<Connection> held = new ArrayList<>();
      try {
        // The primary's pool is behind the routing proxy (the "dataSource" bean); the replica's
        // is a bean of its own.
        for (HikariDataSource pool : List.of(
            instance.getBean("dataSource", DataSource.class).unwrap(HikariDataSource.class),
            instance.getBean("replicaDataSource", DataSource.class)
                .unwrap(HikariDataSource.class))) {
          for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
            held.add(pool.getConnection());
          }
        }

        // An id nobody has cached: the read must go to the database.
        var response = client.get("/api/v1/products/" + (9_000_000_000L + System.nanoTime()
            % 1_000_000));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.jsonBody().path("code").asString()).isEqualTo("DATABASE_BUSY");
      } finally {
        for (Connection connection : held) {
          connection.close();
        }
      }
    }
  }
}
