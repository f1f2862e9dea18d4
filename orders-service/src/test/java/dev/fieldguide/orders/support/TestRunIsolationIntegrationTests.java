package dev.fieldguide.orders.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Proves DESIGN §4 on the local servers: each run has its own database and Redis database, and
 * closing a run leaves no database and no Redis key behind.
 */
@IntegrationTest
class TestRunIsolationIntegrationTests {

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  RedissonClient redisson;

  private final TestRun.LocalServers servers = TestRun.LocalServers.fromEnvironment();

  @BeforeEach
  void onlyOnLocalServices() {
    assumeTrue("local".equals(System.getProperty(LocalServicesSession.MODE_PROPERTY)),
        "containers are isolated by construction");
  }

  @Test
  void serviceUnderTestUsesThisRunsOwnDatabase() {
    String database = jdbc.queryForObject("SELECT current_database()", String.class);

    assertThat(database).startsWith(TestRun.DATABASE_PREFIX);
  }

  @Test
  void serviceUnderTestWritesToThisRunsOwnRedisDatabase() {
    String key = "isolation-probe";
    redisson.getBucket(key, StringCodec.INSTANCE).set("here", Duration.ofMinutes(1));

    int index = Integer.parseInt(System.getProperty("spring.data.redis.database"));
    assertThat(index).isBetween(1, 15);
    try (var own = new TestRun.RedisDatabase(servers, index);
        var shared = new TestRun.RedisDatabase(servers, 0)) {
      assertThat(own.client().getBucket(key, StringCodec.INSTANCE).get()).isEqualTo("here");
      assertThat(shared.client().getBucket(key, StringCodec.INSTANCE).isExists()).isFalse();
    }
  }

  @Test
  void twoRunsAtOnceGetDifferentDatabasesAndRedisIndexes() throws Exception {
    try (TestRun first = TestRun.open(servers); TestRun second = TestRun.open(servers)) {
      assertThat(first.database()).isNotEqualTo(second.database());
      assertThat(first.redisDatabase()).isNotEqualTo(second.redisDatabase());
    }
  }

  @Test
  void closingARunLeavesNoDatabaseAndNoRedisKeys() throws Exception {
    TestRun run = TestRun.open(servers);
    try (Connection connection = DriverManager.getConnection(run.jdbcUrl(), servers.pgUser(),
        servers.pgPassword()); var statement = connection.createStatement()) {
      statement.execute("CREATE TABLE leftovers (id int)");
    }
    try (var redis = new TestRun.RedisDatabase(servers, run.redisDatabase())) {
      redis.client().getBucket("leftover", StringCodec.INSTANCE).set("x");
    }

    run.close();

    assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_database WHERE datname = ?",
        Long.class, run.database())).isZero();
    try (var redis = new TestRun.RedisDatabase(servers, run.redisDatabase());
        var claims = new TestRun.RedisDatabase(servers, 0)) {
      assertThat(redis.client().getKeys().count()).isZero();
      assertThat(claims.client()
          .getBucket(TestRun.CLAIM_PREFIX + run.redisDatabase(), StringCodec.INSTANCE)
          .isExists()).isFalse();
    }
  }
}
