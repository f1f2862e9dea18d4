package dev.fieldguide.core.performance;

import java.util.List;
import java.util.stream.LongStream;

/**
 * Totals a run of order amounts: a list built only to be summed, like Python's
 * {@code sum([a for a in amounts])}, against summing as the values go past, like
 * {@code sum(a for a in amounts)}.
 */
final class AmountSums {

  private AmountSums() {}

  /** Naive variant: boxes every amount and keeps them all in memory before adding any up. */
  static long sumMaterialisedNaive(LongStream amounts) {
    List<Long> all = amounts.boxed().toList();
    long sum = 0;
    for (long amount : all) {
      sum += amount;
    }
    return sum;
  }

  /** Primitive values, no list: constant memory whatever the count. */
  static long sumStreamed(LongStream amounts) {
    return amounts.sum();
  }
}
