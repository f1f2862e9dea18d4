package dev.fieldguide.core.concurrency;

/**
 * A CPU-bound job with no I/O and no allocation: the total number of Collatz steps for a range of
 * numbers. Any such loop would do; this one is cheap to state and impossible to optimise away.
 */
public record CollatzSteps(long fromInclusive, long toExclusive) {

  public long count() {
    long steps = 0;
    for (long n = fromInclusive; n < toExclusive; n++) {
      steps += stepsFrom(n);
    }
    return steps;
  }

  /** Splits the range into {@code parts} contiguous slices of (almost) equal size. */
  public CollatzSteps[] split(int parts) {
    CollatzSteps[] slices = new CollatzSteps[parts];
    long size = (toExclusive - fromInclusive) / parts;
    for (int i = 0; i < parts; i++) {
      long from = fromInclusive + i * size;
      slices[i] = new CollatzSteps(from, i == parts - 1 ? toExclusive : from + size);
    }
    return slices;
  }

  static long stepsFrom(long start) {
    long n = start;
    long steps = 0;
    while (n > 1) {
      n = (n & 1) == 0 ? n >> 1 : 3 * n + 1;
      steps++;
    }
    return steps;
  }
}
