package dev.fieldguide.orders.catalog;

import java.util.function.Supplier;

/**
 * How callers that miss the same cache key at the same moment are coordinated: the answer to a
 * stampede is that only one of them at a time runs the re-check-and-load for a key.
 *
 * <p>Production uses {@link RedisSingleFlight} (one loader across every instance); the lab keeps
 * weaker variants as fixtures to show what each one costs.
 */
public interface SingleFlight {

  /** Runs {@code work} while no other caller runs work for the same {@code key}. */
  <T> T run(String key, Supplier<T> work);
}
