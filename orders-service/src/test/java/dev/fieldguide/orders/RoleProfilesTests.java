package dev.fieldguide.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.logging.RedactingJsonMembers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * One image, two roles: the {@code api} and {@code worker} profiles decide which background loops a
 * process runs. Reads the effective configuration exactly as Spring Boot resolves it at startup.
 */
class RoleProfilesTests {

  /** The background work of a process by its role profile; none means one process does all. */
  @ParameterizedTest(name = "profile \"{0}\": role {1}, jobs {2}, outbox {3}, view flushes {4}")
  @CsvSource(textBlock = """
      '',     all,    true,  true,  true
      api,    api,    false, false, false
      worker, worker, true,  true,  true
      """)
  void theRoleProfileDecidesWhichBackgroundWorkRuns(String profile, String role, String jobs,
      String outbox, String viewFlushes) {
    StandardEnvironment environment = profile.isEmpty()
        ? environmentFor()
        : environmentFor(profile);

    assertThat(environment.getProperty("fieldguide.role")).isEqualTo(role);
    assertThat(environment.getProperty("spring.quartz.auto-startup")).isEqualTo(jobs);
    // Absent means on: the relay, the consumers, the flusher and the webhook worker are enabled
    // unless switched off.
    assertThat(environment.getProperty("fieldguide.outbox.relay.enabled", "true"))
        .isEqualTo(outbox);
    assertThat(environment.getProperty("fieldguide.outbox.consumers.enabled", "true"))
        .isEqualTo(outbox);
    assertThat(environment.getProperty("fieldguide.views.flush.enabled", "true"))
        .isEqualTo(viewFlushes);
    assertThat(environment.getProperty("fieldguide.webhooks.worker.enabled", "true"))
        .isEqualTo(outbox);
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
