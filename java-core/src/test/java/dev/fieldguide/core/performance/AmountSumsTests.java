package dev.fieldguide.core.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * P9: summing a list built for the purpose allocates a boxed value per amount; the streamed sum
 * allocates a few small pipeline objects whatever the count.
 */
class AmountSumsTests {

  private static final int AMOUNTS = 100_000;

  private static LongStream amounts() {
    return LongStream.range(0, AMOUNTS).map(i -> 1_000 + i % 9_000);
  }

  @Test
  void bothVariantsSumTheSame() {
    assertThat(AmountSums.sumStreamed(amounts()))
        .isEqualTo(AmountSums.sumMaterialisedNaive(amounts())).isEqualTo(545_950_000L);
  }

  @Test
  void materialisingAllocatesPerAmountWhileStreamingDoesNot() {
    long materialised = AllocatedBytes.of(() -> AmountSums.sumMaterialisedNaive(amounts()));
    long streamed = AllocatedBytes.of(() -> AmountSums.sumStreamed(amounts()));

    // A boxed Long is 16 bytes, plus its slot in the list.
    assertThat(materialised).isGreaterThan(16L * AMOUNTS);
    assertThat(streamed).isLessThan(4_096);
  }
}
