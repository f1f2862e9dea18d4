package dev.fieldguide.orders.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldguide.orders.orders.Order.OrderPlaced;
import dev.fieldguide.orders.orders.Order.OrderPlaced.PlacedLine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event as it crosses the stream: the record becomes the wire JSON and comes back equal, under
 * the name and version it declares; a payload that is not exactly that version is refused on
 * reading, not half-read. The shape itself is the schema's ({@link StreamEventContractTests}).
 */
class StreamEventCodecTests {

  private static final OrderPlaced PLACED = new OrderPlaced(42, 7, 6_500,
      Instant.parse("2026-05-01T10:15:30.123456Z"),
      List.of(new PlacedLine(11, 2, 1_250), new PlacedLine(12, 1, 4_000)));

  private static final String WIRE = """
      {"orderId":42,"customerId":7,"totalCents":6500,"placedAt":"2026-05-01T10:15:30.123456Z",\
      "lines":[{"productId":11,"quantity":2,"unitPriceCents":1250},\
      {"productId":12,"quantity":1,"unitPriceCents":4000}]}""";

  @Test
  void anEventIsWrittenAsItsMembersWithTheTimeAsIsoText() {
    assertThat(JsonMapper.shared().readTree(StreamEventCodec.write(PLACED)))
        .isEqualTo(JsonMapper.shared().readTree(WIRE));
  }

  @Test
  void anEventReadBackIsEqualToTheOneWrittenToTheMicrosecond() {
    assertThat(StreamEventCodec.read(StreamEventCodec.write(PLACED), OrderPlaced.class))
        .isEqualTo(PLACED);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"orderId\":42,\"customerId\":7,\"totalCents\":6500,\"placedAt\":\"2026-05-01T10:15:30Z\","
          + "\"lines\":[],\"couponCode\":\"X\"}",
      "{\"orderId\":42,\"customerId\":7,\"placedAt\":\"2026-05-01T10:15:30Z\",\"lines\":[]}",
      "{\"orderId\":42,\"customerId\":7,\"totalCents\":null,\"placedAt\":\"2026-05-01T10:15:30Z\","
          + "\"lines\":[]}",
      "{\"orderId\":42,\"customerId\":7,\"totalCents\":6500,\"placedAt\":\"2026-05-01T10:15:30Z\","
          + "\"lines\":[{\"productId\":11,\"quantity\":2}]}"})
  void aPayloadWithAnUnknownMissingOrNullMemberIsRefused(String payload) {
    assertThatThrownBy(() -> StreamEventCodec.read(payload, OrderPlaced.class))
        .isInstanceOf(JacksonException.class);
  }

  @Test
  void anEventTravelsUnderTheNameAndVersionItDeclares() {
    StreamEventType type = StreamEventType.of(OrderPlaced.class);

    assertThat(type).isEqualTo(new StreamEventType("OrderPlaced", 1));
    assertThat(type).hasToString("OrderPlaced v1");
  }

  @Test
  void onlyADeclaredEventWithANameAndAVersionCrossesTheStream() {
    assertThatIllegalArgumentException().isThrownBy(() -> StreamEventType.of(Undeclared.class))
        .withMessageContaining("not annotated @StreamEvent");
    assertThatIllegalArgumentException().isThrownBy(() -> StreamEventType.of(Nameless.class))
        .withMessageContaining("needs a type name and a version");
    assertThatIllegalArgumentException().isThrownBy(() -> StreamEventType.of(VersionZero.class))
        .withMessageContaining("needs a type name and a version");
  }

  private record Undeclared(long id) {}

  @StreamEvent(type = " ", version = 1)
  private record Nameless(long id) {}

  @StreamEvent(type = "VersionZero", version = 0)
  private record VersionZero(long id) {}
}
