package dev.fieldguide.core.logging;

import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGenerator;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.TokenStreamContext;

/**
 * A {@link LogstashEncoder} (one JSON object per line: timestamp, level, logger, message, MDC
 * entries and structured arguments as top-level fields) that masks PII and credentials as the JSON
 * is written, whichever field they ended up in.
 *
 * <p>Every string value — the formatted message, MDC values, structured arguments, stack traces —
 * goes through {@link PiiRedactor}; any field named {@code Authorization} (in any case, at any
 * depth) is written as {@code ****}. Masking at the encoder rather than at each call site means a
 * forgotten call site cannot leak. In a {@code logback.xml}:
 *
 * <pre>{@code
 * <appender name="JSON" class="ch.qos.logback.core.ConsoleAppender">
 *   <encoder class="dev.fieldguide.core.logging.RedactingLogstashEncoder"/>
 * </appender>
 * }</pre>
 */
public final class RedactingLogstashEncoder extends LogstashEncoder {

  public RedactingLogstashEncoder() {
    var masking = new MaskingJsonGeneratorDecorator();
    masking.addFieldMasker(RedactingLogstashEncoder::maskCredentials);
    masking.addValueMasker((context, value) -> redactPii(value));
    // The decorator fixes its maskers when started; Joran would start it, code has to.
    masking.start();
    addDecorator(masking);
  }

  /** HTTP header names are case-insensitive, and HTTP/2 sends them in lower case. */
  private static @Nullable Object maskCredentials(TokenStreamContext context) {
    return "authorization".equalsIgnoreCase(context.currentName())
        ? MaskingJsonGenerator.MASK
        : null;
  }

  /** {@code null} tells the generator to write the value as it is. */
  private static @Nullable Object redactPii(Object value) {
    if (value instanceof String text) {
      String redacted = PiiRedactor.redact(text);
      return redacted.equals(text) ? null : redacted;
    }
    return null;
  }
}
