package dev.fieldguide.orders.lab;

import dev.fieldguide.orders.catalog.SingleFlight;
import java.util.function.Supplier;

/** Fixture: no coordination at all, so every caller that misses loads (the stampede). */
public final class NoSingleFlight implements SingleFlight {

  @Override
  public <T> T run(String key, Supplier<T> work) {
    return work.get();
  }
}
