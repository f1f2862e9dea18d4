package dev.fieldguide.load;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * A feeder of order placements in which every {@code Idempotency-Key} comes {@code copies}
 * times in a row, so the second arrival is the first one's retry; each key belongs to one
 * customer (a key's scope is its caller) and orders one product of the seed's hundred.
 */
final class RetriedKeys implements Iterator<Map<String, Object>> {

  /** Keys of this run only: another run's keys are stored for 24 h and would replay. */
  private static final String RUN = UUID.randomUUID().toString();

  private final List<Map<String, Object>> customers;
  private final int copies;
  private final AtomicLong next = new AtomicLong();

  RetriedKeys(long firstCustomer, long lastCustomer, int copies) {
    this.customers = LongStream.rangeClosed(firstCustomer, lastCustomer)
        .mapToObj(id -> Map.<String, Object>of("customerId", id, "token",
            DevTokens.customer(Traffic.BASE_URL, id)))
        .toList();
    this.copies = copies;
  }

  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public synchronized Map<String, Object> next() {
    long n = next.getAndIncrement() / copies;
    Map<String, Object> customer = customers.get((int) (n % customers.size()));
    return Map.of("customerId", customer.get("customerId"), "token", customer.get("token"),
        "key", RUN + "-" + n,
        "productId", 1 + n % 100);
  }
}
