package dev.fieldguide.core.typing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.core.typing.PaymentOutcome.Approved;
import dev.fieldguide.core.typing.PaymentOutcome.Declined;
import dev.fieldguide.core.typing.PaymentOutcome.NeedsReview;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TypedFunctionsTests {

  @Test
  void mapIntsAppliesTheFunctionToEachElement() {
    assertThat(TypedFunctions.mapInts(List.of(1, 2, 3), x -> x * 10)).containsExactly(10, 20, 30);
  }

  // T = String, R = Number. The function takes a wider parameter (Object, accepted by ? super T)
  // and returns a narrower result (Integer, accepted by ? extends R): parameters are
  // contravariant, results covariant.
  @Test
  void wildcardsAcceptAFunctionWithAWiderParameterAndANarrowerResult() {
    Function<Object, Integer> hash = Object::hashCode;

    List<Number> hashes = TypedFunctions.<String, Number>mapAll(List.of("a", "b"), hash);

    assertThat(hashes).containsExactly("a".hashCode(), "b".hashCode());
  }

  @Test
  void nicknameIsNullWhenUnknown() {
    assertThat(TypedFunctions.nickname(Map.of("ada", "countess"), "bob")).isNull();
  }

  @Test
  void everyOutcomeHasADescription() {
    assertThat(PaymentOutcome.describe(new Approved("A-17", new BigDecimal("9.99"))))
        .isEqualTo("approved 9.99 as A-17");
    assertThat(PaymentOutcome.describe(new Declined("insufficient funds")))
        .isEqualTo("declined: insufficient funds");
    assertThat(PaymentOutcome.describe(new NeedsReview("R-1")))
        .isEqualTo("held for review in case R-1");
  }
}
