package dev.fieldguide.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldguide.orders.errors.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an order list's cursor carries and binds: the position as two exact keys (microseconds and
 * id), checked to be one a row can have, and the filters as one entry each.
 */
class OrderPositionTests {

  @Test
  void aPositionRoundTripsThroughItsKeysToTheMicrosecond() {
    var position = new OrderPosition(Instant.parse("2026-05-01T10:15:30.123456Z"), 42);

    assertThat(position.keys()).containsExactly("1777630530123456", "42");
    assertThat(OrderPosition.fromKeys(position.keys())).isEqualTo(position);
  }

  @Test
  void theFirstAndLastPositionsARowCanHaveAreAccepted() {
    assertThat(OrderPosition.fromKeys(List.of("0", "1")))
        .isEqualTo(new OrderPosition(Instant.EPOCH, 1));
    List<String> last = List.of("253402300799999999", String.valueOf(Long.MAX_VALUE));

    assertThat(OrderPosition.fromKeys(last)).isEqualTo(
        new OrderPosition(Instant.parse("9999-12-31T23:59:59.999999Z"), Long.MAX_VALUE));
  }

  @ParameterizedTest(name = "created {0}, id {1}")
  @CsvSource({"-1, 1", "253402300800000000, 1", "0, 0", "0, -5", "x, 1", "0, 1.5"})
  void aPositionNoRowCanHaveIsAnInvalidCursor(String micros, String id) {
    assertThatThrownBy(() -> OrderPosition.fromKeys(List.of(micros, id)))
        .isInstanceOfSatisfying(DomainException.class,
            refused -> assertThat(refused.code()).isEqualTo("INVALID_CURSOR"));
  }

  @Test
  void theCursorBindsEachGivenFilterOnce() {
    assertThat(OrderFilter.NONE.canonical()).isEmpty();
    assertThat(new OrderFilter(7L, OrderStatus.PAID).canonical())
        .containsExactly(Map.entry("customerId", "7"), Map.entry("status", "PAID"));
    assertThat(new OrderFilter(null, OrderStatus.NEW).canonical()).containsOnlyKeys("status");
  }
}
