package dev.fieldguide.orders.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.fieldguide.orders.orders.Order;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * D5: each event's payload is a contract — a JSON Schema per type and version in
 * {@code events/<type>.v<version>.schema.json}, exact (every member required, no others). A
 * payload whose shape changed without a new version fails here, and so does a new version
 * without its schema.
 */
class StreamEventContractTests {

  private static final Instant PLACED_AT = Instant.parse("2026-05-01T10:15:30.123456Z");

  /** One real instance of every event the service publishes: the one list a new event joins. */
  private static final Map<Class<?>, Object> SAMPLES = Map.of(
      Order.OrderPlaced.class, new Order.OrderPlaced(42, 7, 6_500, PLACED_AT, List.of(
          new Order.OrderPlaced.PlacedLine(11, 2, 1_250),
          new Order.OrderPlaced.PlacedLine(12, 1, 4_000))));

  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(
          SchemaRegistryConfig.builder().locale(Locale.ENGLISH).formatAssertionsEnabled(true)
              .build()));

  @Test
  void everyStreamEventHasASchemaForItsCurrentVersion() {
    assertThat(streamEvents()).isNotEmpty().allSatisfy(event -> assertThat(
        new ClassPathResource(schemaOf(event)).exists())
        .as("%s (%s) has %s", event.getName(), StreamEventType.of(event), schemaOf(event))
        .isTrue());
  }

  @Test
  void everyStreamEventHasASampleToCheck() {
    assertThat(SAMPLES.keySet()).as("samples, one per @StreamEvent")
        .containsExactlyInAnyOrderElementsOf(streamEvents());
  }

  @Test
  void typeNamesAreUnique() {
    assertThat(streamEvents().stream().map(event -> StreamEventType.of(event).name()))
        .doesNotHaveDuplicates();
  }

  @Test
  void everyEventIsWrittenExactlyAsTheSchemaOfItsVersionSays() {
    SAMPLES.forEach((event, sample) -> assertThat(
        schema(schemaOf(event)).validate(StreamEventCodec.write(sample), InputFormat.JSON))
        .as("%s as written: %s", schemaOf(event), StreamEventCodec.write(sample)).isEmpty());
  }

  @Test
  void theSchemaRefusesARenamedOrRetypedMember() {
    Schema placed = schema("events/OrderPlaced.v1.schema.json");
    String written = StreamEventCodec
        .write(Objects.requireNonNull(SAMPLES.get(Order.OrderPlaced.class)));

    assertThat(placed.validate(written.replace("\"totalCents\"", "\"total\""), InputFormat.JSON))
        .isNotEmpty();
    assertThat(placed.validate(written.replace("6500", "\"6500\""), InputFormat.JSON))
        .isNotEmpty();
    assertThat(placed.validate(written.replace("2026-05-01T10:15:30.123456Z", "2026-05-01"),
        InputFormat.JSON)).isNotEmpty();
  }

  /** The service's own {@link StreamEvent} records; the ones tests declare are fixtures. */
  private static List<Class<?>> streamEvents() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(StreamEvent.class));
    return scanner.findCandidateComponents("dev.fieldguide.orders").stream()
        .map(BeanDefinition::getBeanClassName).map(Objects::requireNonNull)
        .<Class<?>>map(name -> ClassUtils.resolveClassName(name, null))
        .filter(event -> !event.getProtectionDomain().getCodeSource().getLocation().getPath()
            .contains("test-classes"))
        .toList();
  }

  private static String schemaOf(Class<?> event) {
    StreamEventType type = StreamEventType.of(event);
    return "events/%s.v%d.schema.json".formatted(type.name(), type.version());
  }

  private static Schema schema(String location) {
    try (InputStream in = new ClassPathResource(location).getInputStream()) {
      return SCHEMAS.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + location, e);
    }
  }
}
