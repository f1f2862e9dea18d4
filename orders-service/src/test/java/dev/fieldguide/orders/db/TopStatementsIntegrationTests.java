package dev.fieldguide.orders.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * PG1: the top-statements report works where {@code pg_stat_statements} is loaded (compose), and
 * says why it has nothing where it is not (a plain local server) instead of failing.
 */
@IntegrationTest
class TopStatementsIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void withoutTheExtensionTheReportSaysWhyAndStillAnswers() {
    assumeTrue(!preloaded(), "pg_stat_statements is preloaded on this server");

    JsonNode report = api.get("/admin/db/top-statements").jsonBody();

    assertThat(report.path("available").asBoolean()).isFalse();
    assertThat(report.path("reason").asString()).contains("pg_stat_statements");
    assertThat(report.path("statements")).isEmpty();
  }

  @Test
  void withTheExtensionTheSlowestStatementsComeFirst() {
    assumeTrue(preloaded(), "pg_stat_statements is not preloaded on this server");
    jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");

    JsonNode report = api.get("/admin/db/top-statements?limit=5").jsonBody();

    assertThat(report.path("available").asBoolean()).isTrue();
    assertThat(report.path("statements").size()).isBetween(1, 5);
    double previous = Double.MAX_VALUE;
    for (JsonNode statement : report.path("statements")) {
      assertThat(statement.path("totalMillis").asDouble()).isLessThanOrEqualTo(previous);
      previous = statement.path("totalMillis").asDouble();
    }
  }

  @Test
  void aLimitOutsideItsRangeIsABadRequest() {
    assertThat(api.get("/admin/db/top-statements?limit=0").status()).isEqualTo(400);
    assertThat(api.get("/admin/db/top-statements?limit=101").status()).isEqualTo(400);
  }

  private boolean preloaded() {
    return String.valueOf(jdbc.queryForObject("SHOW shared_preload_libraries", String.class))
        .contains("pg_stat_statements");
  }
}
