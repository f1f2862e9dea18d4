package dev.fieldguide.orders.db;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * D7/PG8: reads declared {@link ReplicaRead} run on a second connection pool, the replica's;
 * everything else keeps Boot's auto-configured pool, the primary. A plain
 * {@code @Transactional(readOnly = true)} is a read on the primary: read-only lets Hibernate skip
 * dirty checking and makes a stray write fail, and says nothing about tolerating lag.
 *
 * <p>The primary {@code dataSource} bean is wrapped, after Boot built it, in Spring's {@link
 * LazyConnectionDataSourceProxy} around a {@link ReplicaReadRouter} of the two pools. Every user
 * of the data source (JPA, {@code JdbcClient}, Flyway, Quartz) keeps getting the one bean, so
 * Quartz still joins the caller's transaction; the proxy fetches a physical connection only at
 * the first statement, and the router then takes the replica's for a transaction begun by {@link
 * ReplicaReadTransactionManager} ({@code @ReplicaRead}), otherwise the primary's. The proxy marks
 * the connection of any read-only transaction read-only, on either pool.
 *
 * <p>The replica pool is {@code fieldguide.datasource.replica.*}: {@code url}, {@code username},
 * {@code password} (each defaulting to the primary's, i.e. the same database through its own
 * pool) and {@code hikari.*} (any Hikari setting). Its connections are read-only sessions and say
 * {@code application_name = field-guide-replica}, so {@code pg_stat_activity} and the pool's
 * metrics ({@code pool="replica"}) tell the two pools apart.
 */
@Configuration(proxyBeanMethods = false)
class ReadReplicaRouting {

  static final String REPLICA = "replica";
  static final String REPLICA_BEAN = "replicaDataSource";
  static final String REPLICA_APPLICATION_NAME = "field-guide-replica";
  private static final String PREFIX = "fieldguide.datasource.replica.";

  /**
   * Not a default candidate: Boot's data source auto-configuration still creates the primary,
   * and nothing that asks for "the" {@code DataSource} gets this one by accident.
   */
  @Bean(name = REPLICA_BEAN, defaultCandidate = false)
  @Qualifier(REPLICA) @ConfigurationProperties(PREFIX + "hikari")
  static HikariDataSource replicaDataSource(Environment environment,
      JdbcConnectionDetails primary) {
    HikariDataSource replica = new HikariDataSource();
    replica.setPoolName(REPLICA);
    replica.setJdbcUrl(environment.getProperty(PREFIX + "url", primary.getJdbcUrl()));
    replica
        .setUsername(environment.getProperty(PREFIX + "username", nonNull(primary.getUsername())));
    replica
        .setPassword(environment.getProperty(PREFIX + "password", nonNull(primary.getPassword())));
    replica.setDriverClassName(primary.getDriverClassName());
    // Read-only at the pool too: a write that strays here fails instead of landing on the wrong
    // server, whatever the transaction said.
    replica.setReadOnly(true);
    replica.addDataSourceProperty("ApplicationName", REPLICA_APPLICATION_NAME);
    return replica;
  }

  /**
   * What {@code @ReplicaRead} names. Not a default candidate either: Boot's JPA transaction
   * manager (and the {@code TransactionTemplate} built on it) stays "the" transaction manager.
   */
  @Bean(name = ReplicaRead.TRANSACTION_MANAGER, defaultCandidate = false)
  static PlatformTransactionManager replicaReadTransactionManager(
      PlatformTransactionManager transactionManager) {
    return new ReplicaReadTransactionManager(transactionManager);
  }

  @Bean
  static BeanPostProcessor replicaReadRouting() {
    return new RoutingPostProcessor();
  }

  private static String nonNull(@Nullable String value) {
    return value == null ? "" : value;
  }

  /** Wraps the primary {@code dataSource} bean in the lazy proxy over the router. */
  static final class RoutingPostProcessor implements BeanPostProcessor, BeanFactoryAware {

    private @Nullable BeanFactory beans;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
      this.beans = beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
      if (!"dataSource".equals(beanName) || !(bean instanceof DataSource primary)
          || bean instanceof LazyConnectionDataSourceProxy || beans == null) {
        return bean;
      }
      return new LazyConnectionDataSourceProxy(new ReplicaReadRouter(primary,
          beans.getBean(REPLICA_BEAN, DataSource.class)));
    }
  }
}
