package dev.fieldguide.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.logging.RedactingJsonMembers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * One image, two roles: the {@code api} and {@code worker} profiles decide which background loops a
 * process runs. Reads the effective configuration exactly as Spring Boot resolves it at startup.
 */
class RoleProfilesTests {

  @Test
  void withoutARoleProfileOneProcessDoesEverything() {
    StandardEnvironment all = environmentFor();

    assertThat(all.getProperty("fieldguide.role")).isEqualTo("all");
    assertThat(all.getProperty("spring.quartz.auto-startup")).isEqualTo("true");
    assertThat(all.getProperty("fieldguide.outbox.relay.enabled", "true")).isEqualTo("true");
  }

  @Test
  void apiServesAndEnqueuesButRunsNoBackgroundWork() {
    StandardEnvironment api = environmentFor("api");

    assertThat(api.getProperty("fieldguide.role")).isEqualTo("api");
    assertThat(api.getProperty("spring.quartz.auto-startup")).isEqualTo("false");
    assertThat(api.getProperty("fieldguide.outbox.relay.enabled")).isEqualTo("false");
    assertThat(api.getProperty("fieldguide.outbox.consumers.enabled")).isEqualTo("false");
    assertThat(api.getProperty("fieldguide.views.flush.enabled")).isEqualTo("false");
    assertThat(api.getProperty("fieldguide.webhooks.worker.enabled")).isEqualTo("false");
  }

  @Test
  void workerRunsJobsAndLoops() {
    StandardEnvironment worker = environmentFor("worker");

    assertThat(worker.getProperty("fieldguide.role")).isEqualTo("worker");
    assertThat(worker.getProperty("spring.quartz.auto-startup")).isEqualTo("true");
    assertThat(worker.getProperty("fieldguide.outbox.relay.enabled", "true")).isEqualTo("true");
    assertThat(worker.getProperty("fieldguide.webhooks.worker.enabled", "true")).isEqualTo("true");
  }

  @Test
  void theInternalGrpcPortIsTheApisAndTestsTakeAFreeOne() {
    assertThat(environmentFor().getProperty("fieldguide.grpc.enabled")).isEqualTo("true");
    assertThat(environmentFor("api").getProperty("fieldguide.grpc.port")).isEqualTo("9090");
    assertThat(environmentFor("prod", "api").getProperty("fieldguide.grpc.enabled"))
        .isEqualTo("true");
    assertThat(environmentFor("worker").getProperty("fieldguide.grpc.enabled")).isEqualTo("false");
    // Several test instances share one machine: never a fixed port there.
    assertThat(environmentFor("test").getProperty("fieldguide.grpc.port")).isEqualTo("0");
  }

  @Test
  void everyMeterIsTaggedWithApplicationAndRole() {
    StandardEnvironment worker = environmentFor("worker");

    assertThat(worker.getProperty("management.metrics.tags.application")).isEqualTo("field-guide");
    assertThat(worker.getProperty("management.metrics.tags.role")).isEqualTo("worker");
  }

  @Test
  void rolesLogJsonWithRedactionWhileLocalRunsStayReadable() {
    assertThat(environmentFor().getProperty("logging.structured.format.console")).isNull();
    for (String role : new String[]{"api", "worker"}) {
      StandardEnvironment environment = environmentFor(role);
      assertThat(environment.getProperty("logging.structured.format.console"))
          .isEqualTo("logstash");
      assertThat(environment.getProperty("logging.structured.json.customizer"))
          .isEqualTo(RedactingJsonMembers.class.getName());
    }
  }

  private static StandardEnvironment environmentFor(String... profiles) {
    StandardEnvironment environment = new StandardEnvironment();
    ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(),
        new DefaultBootstrapContext(), profiles);
    return environment;
  }
}
