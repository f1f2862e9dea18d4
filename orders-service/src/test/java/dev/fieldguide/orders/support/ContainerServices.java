package dev.fieldguide.orders.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL 17 and Redis 7 in containers, wired by {@code @ServiceConnection}; active only when
 * {@link LocalServicesSession} found Docker. Each container is new, so isolation comes free.
 */
@TestConfiguration(proxyBeanMethods = false)
@Conditional(ContainerServices.ContainersChosen.class)
public class ContainerServices {

  @Bean
  @ServiceConnection
  PostgreSQLContainer postgres() {
    return new PostgreSQLContainer("postgres:17");
  }

  @Bean
  @ServiceConnection(name = "redis")
  GenericContainer<?> redis() {
    return new GenericContainer<>("redis:7").withExposedPorts(6379);
  }

  static final class ContainersChosen implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return "containers".equals(System.getProperty(LocalServicesSession.MODE_PROPERTY));
    }
  }
}
