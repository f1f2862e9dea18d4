package dev.fieldguide.orders.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.CuttableTcpProxy;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.SecondInstance;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Liveness depends on nothing outside the process: with PostgreSQL unreachable an instance stays
 * live (Kubernetes must not restart it for a database problem, which a restart cannot fix) and
 * only stops being ready, so it gets no traffic until the database is back. Neither probe waits
 * for the database: readiness reads the last background check ({@code SampledHealth}), so it too
 * answers within the probe timeout while every connection attempt hangs.
 */
@IntegrationTest
class ProbesWithoutDatabaseIntegrationTests {

  /** Kubernetes' default probe timeout ({@code timeoutSeconds: 1}): a slower answer is a failure. */
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

  @Autowired
  Api api;

  @Autowired
  JdbcConnectionDetails database;

  @Autowired
  RedissonClient redisson;

  @Test
  void withPostgresUnreachableLivenessStaysUpWithinTheProbeTimeoutAndReadinessGoesDown()
      throws Exception {
    URI server = URI.create(database.getJdbcUrl().substring("jdbc:".length()));
    try (var proxy = CuttableTcpProxy.to(server.getHost(), server.getPort());
        ConfigurableApplicationContext instance = SecondInstance.startService(
            database.getJdbcUrl().replace(server.getHost() + ":" + server.getPort(),
                "127.0.0.1:" + proxy.port()),
            database, redisson, "--spring.quartz.scheduler-name=field-guide-without-database",
            "--spring.quartz.auto-startup=false",
            // Longer than the probe timeout: a probe that waited for a connection would fail.
            // Both pools: the replica's defaults to the primary's address, the relay's here.
            "--spring.datasource.hikari.connection-timeout=3000",
            "--fieldguide.datasource.replica.hikari.connection-timeout=3000")) {
      Api probes = api.anonymous().at(SecondInstance.baseOf(instance));
      assertThat(probes.get("/actuator/health/readiness").status()).isEqualTo(200);

      proxy.cut();

      for (int i = 0; i < 20; i++) {
        for (String probe : List.of("liveness", "readiness")) {
          long started = System.nanoTime();
          var answer = probes.get("/actuator/health/" + probe);
          Duration took = Duration.ofNanos(System.nanoTime() - started);
          assertThat(took).as("%s answer time, probe %d", probe, i).isLessThan(PROBE_TIMEOUT);
          if (probe.equals("liveness")) {
            assertThat(answer.status()).as("liveness, probe %d", i).isEqualTo(200);
            assertThat(answer.jsonBody().path("status").asString()).isEqualTo("UP");
          }
        }
      }
      // The background check notices within its interval plus timeout (2 s + 1 s by default).
      var readiness = await().atMost(Duration.ofSeconds(10))
          .until(() -> probes.get("/actuator/health/readiness"), answer -> answer.status() == 503);
      assertThat(readiness.jsonBody().path("status").asString()).isEqualTo("DOWN");
    }
  }
}
