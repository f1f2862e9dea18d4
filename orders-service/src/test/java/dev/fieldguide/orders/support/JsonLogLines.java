package dev.fieldguide.orders.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.fieldguide.orders.logging.RedactingJsonMembers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log lines the api and worker roles write: Spring Boot's {@code logstash} structured format
 * with the redacting customizer, as {@code application.yaml} configures them. Attached to a logger
 * of the running service, it keeps each line that logger wrote, read back as JSON; the test
 * profile itself logs the readable pattern.
 */
public final class JsonLogLines extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  private final StructuredLogEncoder encoder = encoder();
  private final List<JsonNode> lines = new CopyOnWriteArrayList<>();
  private final Logger logger;

  private JsonLogLines(Logger logger) {
    this.logger = logger;
  }

  /** Starts keeping what {@code loggerName} writes, until closed. */
  public static JsonLogLines of(String loggerName) {
    Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
    JsonLogLines lines = new JsonLogLines(logger);
    lines.setContext(logger.getLoggerContext());
    lines.start();
    logger.addAppender(lines);
    return lines;
  }

  /** The encoder the roles use, on a logging context of its own. */
  public static StructuredLogEncoder encoder() {
    LoggerContext context = new LoggerContext();
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("roles", Map.of(
        "logging.structured.json.customizer", RedactingJsonMembers.class.getName(),
        "spring.application.name", "field-guide")));
    context.putObject(Environment.class.getName(), environment);
    StructuredLogEncoder encoder = new StructuredLogEncoder();
    encoder.setContext(context);
    encoder.setFormat("logstash");
    encoder.start();
    return encoder;
  }

  /** One event as the roles write it, read back. */
  public static JsonNode encode(StructuredLogEncoder encoder, ILoggingEvent event) {
    return JsonMapper.shared().readTree(new String(encoder.encode(event), UTF_8));
  }

  /** The lines kept so far, in order. */
  public List<JsonNode> lines() {
    return List.copyOf(lines);
  }

  @Override
  protected void append(ILoggingEvent event) {
    lines.add(encode(encoder, event));
  }

  @Override
  public void close() {
    logger.detachAppender(this);
    stop();
  }
}
