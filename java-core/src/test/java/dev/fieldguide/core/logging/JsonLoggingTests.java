package dev.fieldguide.core.logging;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the encoder actually wrote: the JSON config is built here, on one logger that does
 * not pass its events on, so the rest of the test suite keeps its plain console output.
 */
class JsonLoggingTests {

  private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final ch.qos.logback.classic.Logger log = jsonLogger();
  private final OutputStreamAppender<ILoggingEvent> appender = captureInto(written);

  @AfterEach
  void detach() {
    log.detachAppender(appender);
    appender.stop();
  }

  @Test
  void writesOneJsonObjectPerLineWithTheRequestFields() {
    Map<String, String> headers = Map.of("traceparent", TRACEPARENT, "X-Request-Id", "req-7");
    try (var scope = RequestLogScope.open(headers::get, "/orders/42?coupon=SPRING")) {
      scope.user("u-1001");
      log.info("order placed");
      scope.status(201);
      log.info("request finished");
    }

    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(2);
    assertThat(lines)
        .allSatisfy(
            line -> {
              assertThat(text(line, "trace_id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
              assertThat(text(line, "request_id")).isEqualTo("req-7");
              assertThat(text(line, "user_id")).isEqualTo("u-1001");
              assertThat(text(line, "path")).isEqualTo("/orders/42");
              assertThat(text(line, "level")).isEqualTo("INFO");
            });
    assertThat(lines.getFirst().has("status")).isFalse();
    assertThat(text(lines.getLast(), "status")).isEqualTo("201");
    assertThat(text(lines.getLast(), "message")).isEqualTo("request finished");
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  @Test
  void masksEmailInTheMessageAndInStructuredArguments() {
    log.info(
        "password reset requested for {}", "jane.doe@example.com", kv("cc", "john@example.org"));

    JsonNode line = lines().getFirst();
    assertThat(text(line, "message")).isEqualTo("password reset requested for ***@example.com");
    assertThat(text(line, "cc")).isEqualTo("***@example.org");
    assertThat(output()).doesNotContain("jane.doe", "john@");
  }

  @Test
  void masksLuhnValidCardToItsLastFourDigits() {
    log.warn("charge declined for card {} on order {}", "4242 4242 4242 4242", "4242424242424241");

    assertThat(text(lines().getFirst(), "message"))
        .isEqualTo("charge declined for card **** **** **** 4242 on order 4242424242424241");
  }

  @Test
  void neverWritesAnAuthorizationValue() {
    log.info(
        "calling upstream",
        kv("headers", Map.of("Authorization", "Bearer eyJ.secret", "Accept", "application/json")),
        kv("authorization", "Basic YWxpY2U6cHc="));

    JsonNode line = lines().getFirst();
    assertThat(output()).doesNotContain("eyJ.secret", "YWxpY2U6cHc=");
    assertThat(text(line.get("headers"), "Authorization")).isEqualTo("****");
    assertThat(text(line.get("headers"), "Accept")).isEqualTo("application/json");
    assertThat(text(line, "authorization")).isEqualTo("****");
  }

  /** A logger of its own with additivity off: its JSON lines go to the buffer only. */
  private static ch.qos.logback.classic.Logger jsonLogger() {
    var context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger logger = context.getLogger(JsonLoggingTests.class);
    logger.setAdditive(false);
    return logger;
  }

  private OutputStreamAppender<ILoggingEvent> captureInto(ByteArrayOutputStream buffer) {
    var context = log.getLoggerContext();
    var encoder = new RedactingLogstashEncoder();
    encoder.setContext(context);
    encoder.start();
    var capture = new OutputStreamAppender<ILoggingEvent>();
    capture.setContext(context);
    capture.setEncoder(encoder);
    capture.setOutputStream(buffer);
    capture.start();
    log.addAppender(capture);
    return capture;
  }

  private String output() {
    return written.toString(StandardCharsets.UTF_8);
  }

  /** Each line must parse as a JSON object on its own: that is what "JSON lines" means. */
  private List<JsonNode> lines() {
    return output().lines().map(JsonMapper.shared()::readTree).toList();
  }

  private static String text(JsonNode node, String field) {
    assertThat(node.has(field)).as("field %s in %s", field, node).isTrue();
    return node.get(field).asString();
  }
}
