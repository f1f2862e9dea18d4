package dev.fieldguide.orders.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The datasource, Spring Data Redis and Redisson all reach the servers this run chose
 * ({@link LocalServicesSession}): in containers mode the ones {@link ContainerServices} started,
 * which only {@code @ServiceConnection} tells them about; otherwise the local servers at the
 * run's own database and Redis index. Each client writes a marker that a connection opened
 * straight to the chosen server must read back, so a client left on its defaults (the machine's
 * own PostgreSQL or Redis on their standard ports) fails here instead of passing unnoticed.
 */
@IntegrationTest
class ServiceWiringIntegrationTests {

  @Autowired
  DataSource dataSource;
  @Autowired
  StringRedisTemplate redis;
  @Autowired
  RedissonClient redisson;
  @Autowired
  ObjectProvider<PostgreSQLContainer> postgresContainer;
  @Autowired
  @Qualifier("redis") // ContainerServices' bean: a PostgreSQLContainer is a GenericContainer too
  ObjectProvider<GenericContainer<?>> redisContainer;

  @Test
  void theDatasourceWritesToTheChosenPostgreSql() throws SQLException {
    String marker = UUID.randomUUID().toString();
    try (Connection app = dataSource.getConnection(); Statement statement = app.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS test_wiring_markers (marker text)");
      statement.execute("INSERT INTO test_wiring_markers VALUES ('" + marker + "')");
    }

    try (Connection chosen = chosenPostgreSql();
        Statement statement = chosen.createStatement();
        ResultSet found = statement.executeQuery(
            "SELECT count(*) FROM test_wiring_markers WHERE marker = '" + marker + "'")) {
      found.next();
      assertThat(found.getInt(1)).as("the marker, read on the chosen server").isEqualTo(1);
    }
  }

  @Test
  void springDataRedisAndRedissonWriteToTheChosenRedis() {
    String springKey = "test:wiring:" + UUID.randomUUID();
    String redissonKey = "test:wiring:" + UUID.randomUUID();
    redis.opsForValue().set(springKey, "spring");
    redisson.getBucket(redissonKey, StringCodec.INSTANCE).set("redisson");

    RedissonClient chosen = chosenRedis();
    try {
      assertThat(chosen.getBucket(springKey, StringCodec.INSTANCE).get())
          .as("Spring Data Redis's key, read on the chosen server").isEqualTo("spring");
      assertThat(chosen.getBucket(redissonKey, StringCodec.INSTANCE).get())
          .as("Redisson's key, read on the chosen server").isEqualTo("redisson");
      chosen.getKeys().delete(springKey, redissonKey);
    } finally {
      chosen.shutdown();
    }
  }

  private Connection chosenPostgreSql() throws SQLException {
    PostgreSQLContainer container = postgresContainer.getIfAvailable();
    if (container != null) {
      return DriverManager.getConnection(container.getJdbcUrl(), container.getUsername(),
          container.getPassword());
    }
    return DriverManager.getConnection(property("spring.datasource.url"),
        property("spring.datasource.username"), property("spring.datasource.password"));
  }

  /** A client of its own, opened straight to the chosen server (and, locally, the run's index). */
  private RedissonClient chosenRedis() {
    GenericContainer<?> container = redisContainer.getIfAvailable();
    Config config = new Config();
    if (container != null) {
      config.useSingleServer()
          .setAddress("redis://" + container.getHost() + ":" + container.getMappedPort(6379));
    } else {
      config.useSingleServer()
          .setAddress("redis://" + property("spring.data.redis.host") + ":"
              + property("spring.data.redis.port"))
          .setDatabase(Integer.parseInt(property("spring.data.redis.database")));
    }
    return Redisson.create(config);
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("%s, set by LocalServicesSession", name).isNotNull();
    return value;
  }
}
