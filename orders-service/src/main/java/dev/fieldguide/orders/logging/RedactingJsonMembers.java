package dev.fieldguide.orders.logging;

import dev.fieldguide.core.logging.PiiRedactor;
import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks PII in every string of a structured log line — message, MDC values, key-value pairs,
 * stack trace — and any member named {@code authorization}, at the one place all lines pass.
 *
 * <p>Registered by {@code logging.structured.json.customizer}; the rules are java-core's
 * {@link PiiRedactor}, so the service and the P10 example cannot drift apart.
 */
public class RedactingJsonMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

  static final String MASK = "****";

  @Override
  public void customize(Members<Object> members) {
    ValueProcessor<Object> masking = (path, value) -> {
      if (!(value instanceof String text)) {
        return value;
      }
      return "authorization".equalsIgnoreCase(path.name()) ? MASK : PiiRedactor.redact(text);
    };
    members.applyingValueProcessor(masking);
  }
}
