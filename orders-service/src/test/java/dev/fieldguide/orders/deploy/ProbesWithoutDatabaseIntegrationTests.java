package dev.fieldguide.orders.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.CuttableTcpProxy;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.SecondInstance;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Liveness depends on nothing outside the process: with PostgreSQL unreachable an instance stays
 * live (Kubernetes must not restart it for a database problem, which a restart cannot fix) and
 * only stops being ready, so it gets no traffic until the database is back.
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
        long started = System.nanoTime();
        var liveness = probes.get("/actuator/health/liveness");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(liveness.status()).as("liveness, probe %d", i).isEqualTo(200);
        assertThat(liveness.jsonBody().path("status").asString()).isEqualTo("UP");
        assertThat(took).as("liveness answer time, probe %d", i).isLessThan(PROBE_TIMEOUT);
      }
      var readiness = probes.get("/actuator/health/readiness");
      assertThat(readiness.status()).isEqualTo(503);
      assertThat(readiness.jsonBody().path("status").asString()).isEqualTo("DOWN");
    }
  }
}
