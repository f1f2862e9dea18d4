package dev.fieldguide.orders.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A4: the audit log holds who did what, when, with which outcome, under which request id: admin
 * actions (succeeded or failed), denials and refused tokens. The table refuses every change.
 */
@IntegrationTest
class AuditLogIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  DevTokenIssuer tokens;

  @Autowired
  JdbcClient jdbc;

  @Test
  void anAdminActionIsRecordedWithItsActorOutcomeAndRequestId() {
    long product = data.productWithStock(1_000, 5);
    String admin = "auditor-" + UUID.randomUUID();

    var response = api.as(tokens.admin(admin)).send("PATCH", "/api/v1/products/" + product,
        HttpRequest.BodyPublishers.ofString("{\"name\": \"Audited lamp\"}"),
        Map.of("Content-Type", "application/json"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(row(response.header("X-Request-ID"))).containsEntry("actor", admin)
        .containsEntry("action", "PATCH /api/v1/products/" + product)
        .containsEntry("outcome", "SUCCEEDED").containsEntry("status", 200)
        .containsEntry("client_ip", "127.0.0.1");
  }

  /**
   * The test client connects from loopback, a trusted proxy by default, so Tomcat takes the
   * address from {@code X-Forwarded-For}: a real address is stored canonical, anything else not
   * at all (it used to be stored as sent).
   */
  @ParameterizedTest(name = "X-Forwarded-For: {0} -> {1}")
  @CsvSource(nullValues = "none", value = {
      "203.0.113.9, 203.0.113.9",
      "2001:DB8:0:0:0:0:0:1, 2001:db8:0:0:0:0:0:1",
      "<script>x</script>, none",
      "1.2.3, none",
      "999.1.1.1, none",
      "evil.example, none"})
  void onlyAParsedAddressIsRecordedAsTheClients(String forwardedFor, @Nullable String stored) {
    var response = api.anonymous().get("/admin/audit", Map.of("X-Forwarded-For", forwardedFor));

    assertThat(response.status()).isEqualTo(401);
    assertThat(row(response.header("X-Request-ID")).get("client_ip")).isEqualTo(stored);
  }

  /**
   * Probes and scrapes are public reads, not an operator's actions: every pod is probed every few
   * seconds, and a probe that waited for an audit INSERT would make liveness hang on PostgreSQL.
   * An operator's own actuator call is still recorded.
   */
  @Test
  void aThousandProbesAndScrapesWriteNoAuditRowButAnOperatorsActuatorCallDoes() {
    long before = actuatorRows();

    for (int i = 0; i < 1_000; i++) {
      String probe = switch (i % 5) {
        case 0, 1 -> "/actuator/health/liveness";
        case 2, 3 -> "/actuator/health/readiness";
        default -> "/actuator/prometheus";
      };
      assertThat(api.anonymous().get(probe).status()).as(probe).isEqualTo(200);
    }
    assertThat(actuatorRows()).as("rows written by 1,000 probes and scrapes").isEqualTo(before);

    var operator = api.as(tokens.admin("operator-" + UUID.randomUUID())).get("/actuator/metrics");

    assertThat(operator.status()).isEqualTo(200);
    assertThat(row(operator.header("X-Request-ID"))).containsEntry("action",
        "GET /actuator/metrics").containsEntry("outcome", "SUCCEEDED");
  }

  @Test
  void aFailedAdminActionIsRecordedAsFailed() {
    String admin = "auditor-" + UUID.randomUUID();

    var response = api.as(tokens.admin(admin)).post("/admin/jobs/" + UUID.randomUUID()
        + "/redrive", "", Map.of());

    assertThat(response.status()).isEqualTo(404);
    assertThat(row(response.header("X-Request-ID"))).containsEntry("actor", admin)
        .containsEntry("outcome", "FAILED").containsEntry("status", 404);
  }

  @Test
  void aCustomerAtAnAdminEndpointIsRecordedAsDenied() {
    long customer = data.customer();

    var response = api.as(tokens.customer(customer)).post("/admin/outbox/dead/redrive", "",
        Map.of());

    assertThat(response.status()).isEqualTo(403);
    assertThat(row(response.header("X-Request-ID")))
        .containsEntry("actor", "customer-" + customer)
        .containsEntry("action", "POST /admin/outbox/dead/redrive")
        .containsEntry("outcome", "DENIED").containsEntry("status", 403);
  }

  @Test
  void aRefusedTokenIsRecordedWithTheReasonButNotTheToken() {
    String forged = tokens.admin("mallory") + "x";

    var response = api.as(forged).get("/api/v1/orders");

    assertThat(response.status()).isEqualTo(401);
    var row = row(response.header("X-Request-ID"));
    assertThat(row).containsEntry("outcome", "UNAUTHENTICATED").containsEntry("status", 401);
    assertThat(row.get("actor")).isNull();
    assertThat((String) row.get("reason")).isNotBlank().doesNotContain(forged);
  }

  @Test
  void operatorsReadTheLogNewestFirst() {
    String admin = "auditor-" + UUID.randomUUID();
    Api operator = api.as(tokens.admin(admin));
    operator.get("/admin/orders/stale-pending?limit=1");
    operator.get("/admin/db/top-statements");

    var log = operator.get("/admin/audit?actor=" + admin + "&limit=10");

    assertThat(log.status()).isEqualTo(200);
    assertThat(log.jsonBody().valueStream().map(event -> event.path("action").asString()))
        .as("this read is recorded once it has run, so after its own answer")
        .containsExactly("GET /admin/db/top-statements", "GET /admin/orders/stale-pending");
  }

  @Test
  void theLogIsAppendOnly() {
    api.anonymous().get("/api/v1/orders"); // at least one row
    long rows = data.count("audit_events");

    assertThatThrownBy(() -> jdbc.sql("UPDATE audit_events SET actor = 'someone-else'").update())
        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_events").update())
        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_events").update())
        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    assertThat(data.count("audit_events")).isGreaterThanOrEqualTo(rows);
  }

  private long actuatorRows() {
    return jdbc.sql("SELECT count(*) FROM audit_events WHERE action LIKE 'GET /actuator/%'")
        .query(Long.class).single();
  }

  private Map<String, @Nullable Object> row(String requestId) {
    return jdbc.sql("""
        SELECT actor, action, outcome, status, reason, client_ip FROM audit_events
        WHERE request_id = ?
        """).param(requestId).query().singleRow();
  }
}
