package dev.fieldguide.orders.support;

import dev.fieldguide.orders.db.MissingDatabaseCreator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * One test run's private share of the local services: a fresh PostgreSQL database and a Redis
 * database index claimed for the run, both removed by {@link #close()}.
 *
 * <p>Runs on one machine at the same time never meet: database names are unique, and a Redis
 * index is claimed with {@code SET NX} on a key in db 0 that expires if a run dies without
 * cleaning up. Databases left by such runs are dropped by the next run once they are old.
 */
public final class TestRun implements AutoCloseable {

  static final String DATABASE_PREFIX = "fieldguide_test_";
  static final String CLAIM_PREFIX = "fieldguide:test-run:redis-db:";
  private static final Duration STALE_AFTER = Duration.ofHours(6);
  /** How {@link #open} names a database: the prefix, then the run id (epoch second, random hex). */
  private static final Pattern RUN_DATABASE = Pattern
      .compile(Pattern.quote(DATABASE_PREFIX) + "(\\d+)_\\p{XDigit}+");
  private static final int REDIS_DATABASES = 16;

  private final LocalServers servers;
  private final String database;
  private final String runId;
  private final int redisDatabase;

  private TestRun(LocalServers servers, String database, String runId, int redisDatabase) {
    this.servers = servers;
    this.database = database;
    this.runId = runId;
    this.redisDatabase = redisDatabase;
  }

  /** Creates the run's database and claims a Redis database for it. */
  public static TestRun open(LocalServers servers) throws SQLException {
    String runId = Instant.now().getEpochSecond() + "_"
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    String database = DATABASE_PREFIX + runId;
    try (Connection admin = servers.adminConnection()) {
      dropStaleDatabases(admin);
      MissingDatabaseCreator.createIfMissing(admin, database);
    }
    int redisDatabase = claimRedisDatabase(servers, runId);
    try (var redis = new RedisDatabase(servers, redisDatabase)) {
      redis.client().getKeys().flushdb(); // whatever a crashed holder left behind
    }
    return new TestRun(servers, database, runId, redisDatabase);
  }

  public String database() {
    return database;
  }

  public String jdbcUrl() {
    return servers.jdbcUrl(database);
  }

  public int redisDatabase() {
    return redisDatabase;
  }

  /**
   * Drops the database, empties the Redis database and releases the claim; attempts all three
   * even if one fails, so a failure leaves as little behind as possible.
   */
  @Override
  public void close() throws SQLException {
    SQLException dropFailure = null;
    try (Connection admin = servers.adminConnection(); var drop = admin.createStatement()) {
      drop.execute("DROP DATABASE IF EXISTS %s WITH (FORCE)".formatted(database));
    } catch (SQLException e) {
      dropFailure = e;
    }
    try (var redis = new RedisDatabase(servers, redisDatabase)) {
      redis.client().getKeys().flushdb();
    }
    try (var claims = new RedisDatabase(servers, 0)) {
      var claim = claims.client().<String>getBucket(CLAIM_PREFIX + redisDatabase,
          StringCodec.INSTANCE);
      claim.compareAndSet(runId, null);
    }
    if (dropFailure != null) {
      throw dropFailure;
    }
  }

  private static int claimRedisDatabase(LocalServers servers, String runId) {
    try (var claims = new RedisDatabase(servers, 0)) {
      // db 0 is where a developer's running service lives; test runs take 1..15.
      for (int index = 1; index < REDIS_DATABASES; index++) {
        var claim = claims.client().<String>getBucket(CLAIM_PREFIX + index, StringCodec.INSTANCE);
        if (claim.setIfAbsent(runId, STALE_AFTER)) {
          return index;
        }
      }
    }
    throw new IllegalStateException("All Redis databases 1.." + (REDIS_DATABASES - 1)
        + " are claimed by other test runs; wait for one to finish.");
  }

  private static void dropStaleDatabases(Connection admin) throws SQLException {
    long cutoff = Instant.now().minus(STALE_AFTER).getEpochSecond();
    List<String> stale = new ArrayList<>();
    try (var query = admin.prepareStatement(
        "SELECT datname FROM pg_database WHERE datname LIKE 'fieldguide\\_test\\_%'");
        var rows = query.executeQuery()) {
      while (rows.next()) {
        String name = rows.getString(1);
        Matcher run = RUN_DATABASE.matcher(name);
        if (run.matches() && Long.parseLong(run.group(1)) < cutoff) {
          stale.add(name);
        }
      }
    }
    for (String name : stale) {
      try (var drop = admin.createStatement()) {
        drop.execute("DROP DATABASE IF EXISTS %s WITH (FORCE)".formatted(name));
      }
    }
  }

  /** A short-lived Redisson client on one Redis database index. */
  static final class RedisDatabase implements AutoCloseable {
    private final RedissonClient client;

    RedisDatabase(LocalServers servers, int index) {
      Config config = new Config();
      config.useSingleServer().setAddress(servers.redisAddress()).setDatabase(index)
          .setConnectionMinimumIdleSize(1).setConnectionPoolSize(2);
      this.client = Redisson.create(config);
    }

    RedissonClient client() {
      return client;
    }

    @Override
    public void close() {
      client.shutdown();
    }
  }

  /** Where the local servers are: PostgreSQL from the libpq variables, Redis from REDIS_*. */
  public record LocalServers(String pgHost, int pgPort, String pgUser, String pgPassword,
      String redisHost, int redisPort) {

    public static LocalServers fromEnvironment() {
      var env = System.getenv();
      return new LocalServers(env.getOrDefault("PGHOST", "127.0.0.1"),
          Integer.parseInt(env.getOrDefault("PGPORT", "5432")),
          env.getOrDefault("PGUSER", "postgres"), env.getOrDefault("PGPASSWORD", ""),
          env.getOrDefault("REDIS_HOST", "127.0.0.1"),
          Integer.parseInt(env.getOrDefault("REDIS_PORT", "6379")));
    }

    String jdbcUrl(String database) {
      return "jdbc:postgresql://%s:%d/%s".formatted(pgHost, pgPort, database);
    }

    String redisAddress() {
      return "redis://%s:%d".formatted(redisHost, redisPort);
    }

    Connection adminConnection() throws SQLException {
      return DriverManager.getConnection(jdbcUrl("postgres"), pgUser, pgPassword);
    }
  }
}
