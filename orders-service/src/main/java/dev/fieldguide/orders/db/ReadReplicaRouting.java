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

/**
 * D7/PG8: {@code @Transactional(readOnly = true)} work runs on a second connection pool, the
 * replica's; everything else keeps Boot's auto-configured pool, the primary.
 *
 * <p>The primary {@code dataSource} bean is wrapped, after Boot built it, in Spring's {@link
 * LazyConnectionDataSourceProxy} with the replica as its read-only data source. Every user of the
 * data source (JPA, {@code JdbcClient}, Flyway, Quartz) keeps getting the one bean, so Quartz
 * still joins the caller's transaction; the proxy fetches a physical connection only at the
 * first statement, from the replica when the transaction manager marked the transaction
 * read-only, otherwise from the primary.
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
    // The proxy does not mark connections from the read-only data source read-only itself: the
    // pool does, so a write that strays here fails instead of landing on the wrong server.
    replica.setReadOnly(true);
    replica.addDataSourceProperty("ApplicationName", REPLICA_APPLICATION_NAME);
    return replica;
  }

  @Bean
  static BeanPostProcessor readOnlyRouting() {
    return new RoutingPostProcessor();
  }

  private static String nonNull(@Nullable String value) {
    return value == null ? "" : value;
  }

  /** Wraps the primary {@code dataSource} bean in the read-only routing proxy. */
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
      LazyConnectionDataSourceProxy routing = new LazyConnectionDataSourceProxy(primary);
      routing.setReadOnlyDataSource(beans.getBean(REPLICA_BEAN, DataSource.class));
      return routing;
    }
  }
}
