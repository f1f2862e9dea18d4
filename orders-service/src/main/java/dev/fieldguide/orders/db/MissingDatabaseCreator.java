package dev.fieldguide.orders.db;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Creates the database named in {@code spring.datasource.url} when it does not exist yet, so the
 * run command works on a machine whose PostgreSQL has never seen this project.
 *
 * <p>It runs as a bean factory post-processor: before any bean, so before the connection pool
 * and Flyway try to connect. It connects to the maintenance database {@code postgres} on the same
 * server with the same credentials.
 */
public class MissingDatabaseCreator implements BeanFactoryPostProcessor, EnvironmentAware {

  private static final Logger log = LoggerFactory.getLogger(MissingDatabaseCreator.class);
  private static final String DUPLICATE_DATABASE = "42P04";
  // Two CREATE DATABASE racing past the existence check: the loser trips over the catalog's
  // unique index instead of getting 42P04.
  private static final String UNIQUE_VIOLATION = "23505";

  @SuppressWarnings("NullAway.Init") // set by Spring before postProcessBeanFactory
  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    String url = environment.getProperty("spring.datasource.url");
    if (url == null || !url.startsWith("jdbc:postgresql://")) {
      return;
    }
    URI target = URI.create(url.substring("jdbc:".length()));
    if (target.getHost() == null || target.getPath() == null || target.getPath().length() < 2) {
      log.info("Not checking for a missing database: cannot read host and name from {}", url);
      return;
    }
    String database = target.getPath().substring(1);
    String maintenanceUrl = "jdbc:postgresql://%s:%d/postgres".formatted(target.getHost(),
        target.getPort() > 0 ? target.getPort() : 5432);
    String user = environment.getProperty("spring.datasource.username", "postgres");
    String password = environment.getProperty("spring.datasource.password", "");
    try (Connection connection = DriverManager.getConnection(maintenanceUrl, user, password)) {
      createIfMissing(connection, database);
    } catch (SQLException e) {
      // Not fatal here: if the database really is unreachable, the pool reports it with context.
      log.warn("Could not check whether database '{}' exists: {}", database, e.getMessage());
    }
  }

  /** Creates {@code database} unless it exists; losing a creation race to another process is fine. */
  public static boolean createIfMissing(Connection connection, String database)
      throws SQLException {
    try (var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      try (var rows = exists.executeQuery()) {
        if (rows.next()) {
          return false;
        }
      }
    }
    try (var create = connection.createStatement()) {
      create.execute("CREATE DATABASE " + quoteIdentifier(database));
      log.info("Created database '{}'", database);
      return true;
    } catch (SQLException e) {
      if (Objects.equals(e.getSQLState(), DUPLICATE_DATABASE)
          || Objects.equals(e.getSQLState(), UNIQUE_VIOLATION)) {
        return false;
      }
      throw e;
    }
  }

  static String quoteIdentifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
