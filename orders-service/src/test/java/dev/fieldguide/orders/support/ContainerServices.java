package dev.fieldguide.orders.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL 17 and Redis 7 in containers, wired by {@code @ServiceConnection}; active only when
 * {@link LocalServicesSession} found Docker. Each container is new, so isolation comes free.
 *
 * <p>Where the official images cannot be pulled, locally built stand-ins carry their names
 * (scripts/container-images.sh, docs/deployment.md); each says at start what it really runs
 * ("stand-in for postgres:17.6, postgres:17: PostgreSQL 15.20 from Debian"), and that line is
 * passed on to the test log, so a run shows which servers it tested against.
 */
@TestConfiguration(proxyBeanMethods = false)
@Conditional(ContainerServices.ContainersChosen.class)
public class ContainerServices {

  private static final Logger LOG = LoggerFactory.getLogger(ContainerServices.class);

  @Bean
  @ServiceConnection
  PostgreSQLContainer postgres() {
    return new PostgreSQLContainer("postgres:17").withLogConsumer(ContainerServices::standIn);
  }

  @Bean
  @ServiceConnection(name = "redis")
  GenericContainer<?> redis() {
    return new GenericContainer<>("redis:7").withExposedPorts(6379)
        .withLogConsumer(ContainerServices::standIn);
  }

  private static void standIn(OutputFrame frame) {
    String line = frame.getUtf8StringWithoutLineEnding();
    if (line.startsWith("stand-in for ")) {
      LOG.info(line);
    }
  }

  static final class ContainersChosen implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return "containers".equals(System.getProperty(LocalServicesSession.MODE_PROPERTY));
    }
  }
}
