package dev.fieldguide.orders.ratelimit;

import io.micrometer.core.instrument.Counter;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import org.springframework.http.HttpHeaders;

/**
 * What a request pays its client's bucket: the limiter takes the first token before the request
 * runs, and a handler that learns the request's real cost only later (GraphQL, once a query is
 * parsed) takes the rest here, from the same bucket under the same policy, in one script call.
 * Every take rewrites the RateLimit headers, so they tell the client what it has left.
 */
public final class RateLimitCharge {

  /** The request attribute the limiter leaves the charge under. */
  static final String ATTRIBUTE = RateLimitCharge.class.getName();

  private final IntFunction<Optional<TokenBucket.Decision>> bucket;
  private final RateLimitPolicy policy;
  private final HttpServletResponse response;
  private final Counter rejected;

  /**
   * @param bucket takes n tokens from the client's bucket; empty while Redis is unreachable
   */
  RateLimitCharge(IntFunction<Optional<TokenBucket.Decision>> bucket, RateLimitPolicy policy,
      HttpServletResponse response, Counter rejected) {
    this.bucket = bucket;
    this.policy = policy;
    this.response = response;
    this.rejected = rejected;
  }

  /** The charge of the request whose attributes these are, if a limit applies to it. */
  public static Optional<RateLimitCharge> of(Map<String, Object> requestAttributes) {
    return requestAttributes.get(ATTRIBUTE) instanceof RateLimitCharge charge
        ? Optional.of(charge)
        : Optional.empty();
  }

  /**
   * Takes {@code tokens}, all or none. Empty when taken, or when Redis cannot be reached (fail
   * open, like the first token); otherwise the whole seconds until the bucket holds them, which is
   * also sent as {@code Retry-After}.
   */
  public OptionalLong take(int tokens) {
    Optional<TokenBucket.Decision> decision = bucket.apply(tokens);
    if (decision.isEmpty()) {
      return OptionalLong.empty();
    }
    RateLimitHeaders.write(response, policy, decision.get());
    if (decision.get().allowed()) {
      return OptionalLong.empty();
    }
    rejected.increment();
    long retryAfter = RateLimitHeaders.seconds(decision.get().retryAfterMillis());
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
    return OptionalLong.of(retryAfter);
  }

  /** The policy whose bucket pays, e.g. {@code api}. */
  public String policyName() {
    return policy.name();
  }
}
