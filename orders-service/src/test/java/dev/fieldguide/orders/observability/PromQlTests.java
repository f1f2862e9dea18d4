package dev.fieldguide.orders.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rule that finds metric names in PromQL, on the shapes alerts.yml and dashboards use. */
class PromQlTests {

  @Test
  void aBareMetricIsItsOwnName() {
    assertThat(PromQl.metricNames("up == 0")).containsExactly("up");
  }

  @Test
  void labelNamesAndValuesInMatchersAreNotMetrics() {
    assertThat(PromQl.metricNames(
        "http_server_requests_seconds_count{uri!~\"/actuator/.*\", status=~\"5..\", le=\"0.25\"}"))
        .containsExactly("http_server_requests_seconds_count");
  }

  @Test
  void functionsAggregationsAndGroupingLabelsAreNotMetrics() {
    assertThat(PromQl.metricNames("sum by (application, task) "
        + "(rate(fieldguide_jobs_runs_total{outcome=~\"dead|timed-out\"}[15m]))"))
        .containsExactly("fieldguide_jobs_runs_total");
    assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (le, uri) "
        + "(rate(http_server_requests_seconds_bucket[5m])))"))
        .containsExactly("http_server_requests_seconds_bucket");
    assertThat(PromQl.metricNames("sum(rate(cache_gets_total[1m])) by (cache)"))
        .containsExactly("cache_gets_total");
  }

  @Test
  void bothSidesOfVectorMatchingAreMetricsButTheMatchingLabelsAreNot() {
    assertThat(PromQl.metricNames("hikaricp_connections_active / on (instance, pool) "
        + "group_left (role) hikaricp_connections_max >= 0.9 and ignoring(pool) "
        + "max_over_time(hikaricp_connections_pending[1m]) > bool 0"))
        .containsExactly("hikaricp_connections_active", "hikaricp_connections_max",
            "hikaricp_connections_pending");
  }

  @Test
  void numbersDurationsAndOffsetsAreNotMetrics() {
    assertThat(PromQl.metricNames("fieldguide_outbox_dead_total unless "
        + "fieldguide_outbox_dead_total offset 30m > 1e3 * 0x1F + Inf - NaN"))
        .containsExactly("fieldguide_outbox_dead_total");
    assertThat(PromQl.metricNames("max_over_time(rate(x_total[5m])[1h:30s]) @ start()"))
        .containsExactly("x_total");
  }

  @Test
  void recordingRuleNamesKeepTheirColons() {
    assertThat(PromQl.metricNames("application:http_server_requests_slow:ratio_rate1h > "
        + "14.4 * 0.05 and application:http_server_requests_slow:ratio_rate5m > 14.4 * 0.05"))
        .containsExactly("application:http_server_requests_slow:ratio_rate1h",
            "application:http_server_requests_slow:ratio_rate5m");
    assertThat(PromQl.isRecorded("application:http_server_requests:rate5m")).isTrue();
    assertThat(PromQl.isRecorded("http_server_requests_seconds_count")).isFalse();
  }

  @Test
  void stringsCommentsAndGrafanaVariablesAreNotMetrics() {
    assertThat(PromQl.metricNames("""
        # the request rate (a comment naming not_a_metric)
        label_replace(rate(m_total{role=~"$role", instance=~"${instance:regex}"}\
        [$__rate_interval]), "dst_label", "$1", "src_label", "(.*)")
        """)).containsExactly("m_total");
  }

  @Test
  void functionsWithoutMetricsNameNothing() {
    assertThat(PromQl.metricNames("vector(0) + time() - pi()")).isEmpty();
  }
}
