package dev.fieldguide.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RequestLogScopeTests {

  private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void takesTraceIdFromTraceparentAndRequestIdFromHeader() {
    try (var scope = open(Map.of("traceparent", TRACEPARENT, "X-Request-Id", "req-7"), "/orders")) {
      assertThat(MDC.get("trace_id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736")
          .isEqualTo(scope.traceId());
      assertThat(MDC.get("request_id")).isEqualTo("req-7").isEqualTo(scope.requestId());
      assertThat(MDC.get("path")).isEqualTo("/orders");
    }
  }

  @Test
  void activeTraceWinsOverTheTraceparentHeader() {
    String active = "0af7651916cd43dd8448eb211c80319c";
    try (var scope = RequestLogScope.open(Map.of("traceparent", TRACEPARENT)::get, "/orders",
        active)) {
      assertThat(MDC.get("trace_id")).isEqualTo(active).isEqualTo(scope.traceId());
    }
  }

  @Test
  void startsNewIdsWhenHeadersAreMissingOrMalformed() {
    Map<String, String> bad = Map.of("traceparent",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "X-Request-Id", "x\n{\"forged\": true}");

    try (var scope = open(bad, "/orders")) {
      assertThat(scope.traceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
      assertThat(scope.requestId()).doesNotContain("forged");
    }
    try (var scope = open(Map.of(), "/orders")) {
      assertThat(scope.traceId()).matches("[0-9a-f]{32}");
      assertThat(scope.requestId()).isNotBlank();
    }
  }

  @Test
  void logsThePathWithoutItsQueryString() {
    try (var scope = open(Map.of(), "/reset?email=jane@example.com&token=t0k3n")) {
      assertThat(MDC.get("path")).isEqualTo("/reset");
    }
  }

  @Test
  void closeTakesEveryFieldOutOfTheMdc() {
    try (var scope = open(Map.of("traceparent", TRACEPARENT), "/orders")) {
      scope.user("u-1001");
      scope.status(201);
      assertThat(MDC.getCopyOfContextMap()).containsKeys("trace_id", "request_id", "user_id",
          "path", "status");
    }

    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  @Test
  void nextRequestOnAPooledThreadDoesNotInheritTheUser() throws Exception {
    try (ExecutorService onePooledThread = Executors.newSingleThreadExecutor()) {
      onePooledThread
          .submit(
              () -> {
                try (var scope = open(Map.of(), "/first")) {
                  scope.user("u-1001");
                }
              })
          .get(5, TimeUnit.SECONDS);

      Map<String, String> mdcOfSecondRequest = onePooledThread
          .submit(
              () -> {
                try (var scope = open(Map.of(), "/second")) {
                  return MDC.getCopyOfContextMap();
                }
              })
          .get(5, TimeUnit.SECONDS);

      assertThat(mdcOfSecondRequest).containsEntry("path", "/second").doesNotContainKey("user_id");
    }
  }

  private static RequestLogScope open(Map<String, String> headers, String path) {
    return RequestLogScope.open(headers::get, path);
  }
}
