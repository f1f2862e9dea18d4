package dev.fieldguide.orders.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.fieldguide.orders.support.JsonLogLines;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Encodes log events with Spring Boot's own structured-logging encoder, configured as the api and
 * worker roles configure it ({@link JsonLogLines#encoder()}), and reads the line back as JSON.
 */
class JsonLogLinesTests {

  private static final Map<String, String> REQUEST_MDC = Map.of("trace_id",
      "4bf92f3577b34da6a3ce929d0e0e4736", "span_id", "00f067aa0ba902b7", "request_id", "req-7",
      "path", "/api/v1/orders", "status", "402");

  @Test
  void lineIsOneJsonObjectWithTheRequestFields() {
    JsonNode line = encode("payment declined", new Object[0]);

    assertThat(line.get("message").asString()).isEqualTo("payment declined");
    assertThat(line.get("level").asString()).isEqualTo("WARN");
    REQUEST_MDC.forEach((key, value) -> assertThat(line.get(key).asString()).isEqualTo(value));
  }

  @Test
  void emailAndCardNumberAreMaskedWhereverTheyLand() {
    JsonNode line = encode("charge for {} with card {} declined",
        new Object[]{"jane.doe@example.com", "4242 4242 4242 4242"});

    assertThat(line.get("message").asString())
        .isEqualTo("charge for ***@example.com with card **** **** **** 4242 declined");
    assertThat(line.toString()).doesNotContain("jane.doe").doesNotContain("4242 4242 4242 4242");
  }

  @Test
  void mdcValuesAreMaskedToo() {
    JsonNode line = encode("login failed", new Object[0], Map.of("user_email", "jane@example.com",
        "authorization", "Bearer abc.def.ghi"));

    assertThat(line.get("user_email").asString()).isEqualTo("***@example.com");
    assertThat(line.get("authorization").asString()).isEqualTo(RedactingJsonMembers.MASK);
  }

  private static JsonNode encode(String message, Object[] arguments) {
    return encode(message, arguments, REQUEST_MDC);
  }

  private static JsonNode encode(String message, Object[] arguments, Map<String, String> mdc) {
    LoggingEvent event = new LoggingEvent(JsonLogLinesTests.class.getName(),
        new LoggerContext().getLogger("dev.fieldguide.orders.payments"), Level.WARN, message, null,
        arguments);
    event.setMDCPropertyMap(mdc);
    return JsonLogLines.encode(JsonLogLines.encoder(), event);
  }
}
