package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.listFeeder;

import io.gatling.javaapi.core.FeederBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Many callers, each with its own token, so each has its own rate-limit bucket and its own
 * idempotency scope: what a crowd of real clients looks like to the service. Tokens are fetched
 * before the load starts ({@link DevTokens}); a feeder hands them out in turn.
 */
final class Callers {

  private Callers() {}

  /** Customers {@code from..to} of the lab seed: {@code customerId} and {@code token}. */
  static FeederBuilder<Object> customers(long from, long to) {
    List<Map<String, Object>> customers = LongStream.rangeClosed(from, to)
        .mapToObj(id -> Map.<String, Object>of("customerId", id, "token",
            DevTokens.customer(Traffic.BASE_URL, id)))
        .toList();
    return listFeeder(customers).circular();
  }

  /** {@code count} admins with subjects {@code <prefix>-1..count}: {@code token}. */
  static FeederBuilder<Object> admins(String prefix, int count) {
    List<Map<String, Object>> admins = IntStream.rangeClosed(1, count)
        .mapToObj(n -> Map.<String, Object>of("token",
            DevTokens.admin(Traffic.BASE_URL, prefix + "-" + n)))
        .toList();
    return listFeeder(admins).circular();
  }
}
