package dev.fieldguide.orders.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.support.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R4: a large policy's requests are mostly admitted from this instance's lease, never beyond what
 * the bucket held, even split across two instances; a refusal is remembered until its Retry-After;
 * leases and refusals expire. Against the real script in Redis, on a clock the test moves.
 */
@IntegrationTest
class TokenLeasesIntegrationTests {

  /** Lease 100 (a twentieth of 2,000); one token per 1,000 s, so nothing refills mid-test. */
  private static final RateLimitPolicy LARGE = new RateLimitPolicy("lease-large", List.of(), 2_000,
      0.001);
  /** Under 100 tokens: exact, no lease; a refused request may retry after 100 s. */
  private static final RateLimitPolicy SMALL = new RateLimitPolicy("lease-small", List.of(), 5,
      0.01);

  @Autowired
  TokenBucket buckets;

  @Autowired
  MeterRegistry meters;

  private final AtomicLong clock = new AtomicLong();

  @Test
  void aLargePolicysRequestsCostOneScriptCallPerLease() {
    TokenLeases leases = new TokenLeases(buckets, clock::get, 100);
    String bucket = newBucket();
    double before = calls(LARGE);

    for (int i = 0; i < 1_010; i++) {
      assertThat(leases.take(bucket, LARGE, 1).allowed()).isTrue();
    }

    // Each call admits one request and leases 100 more: 1,010 requests are 10 calls.
    assertThat(calls(LARGE) - before).isEqualTo(10);
    TokenBucket.Decision next = leases.take(bucket, LARGE, 1);
    assertThat(next.remaining()).as("the bucket's tokens plus those still in hand")
        .isEqualTo(2_000 - 1_011);
  }

  @Test
  void twoInstancesLeasingFromOneBucketNeverAdmitMoreThanItHeld() {
    TokenLeases first = new TokenLeases(buckets, System::nanoTime, 100);
    TokenLeases second = new TokenLeases(buckets, System::nanoTime, 100);
    String bucket = newBucket();

    long allowed = Concurrently.run(3_000, i -> () -> (i % 2 == 0 ? first : second)
        .take(bucket, LARGE, 1)).stream().filter(TokenBucket.Decision::allowed).count();

    // Tokens one instance holds are refused at the other until its lease runs out: at most one
    // lease each short of the capacity, never over it.
    assertThat(allowed).isLessThanOrEqualTo(LARGE.capacity())
        .isGreaterThanOrEqualTo(LARGE.capacity() - 2L * LARGE.lease());
  }

  @Test
  void aRefusalIsAnsweredFromMemoryUntilItsRetryAfter() {
    TokenLeases leases = new TokenLeases(buckets, clock::get, 100);
    String bucket = newBucket();
    for (int i = 0; i < SMALL.capacity(); i++) {
      assertThat(leases.take(bucket, SMALL, 1).allowed()).isTrue();
    }
    double before = calls(SMALL);

    TokenBucket.Decision refused = leases.take(bucket, SMALL, 1);
    for (int i = 0; i < 20; i++) {
      TokenBucket.Decision again = leases.take(bucket, SMALL, 1);
      assertThat(again.allowed()).isFalse();
      assertThat(again.retryAfterMillis()).isPositive()
          .isLessThanOrEqualTo(refused.retryAfterMillis());
    }

    assertThat(refused.allowed()).isFalse();
    assertThat(calls(SMALL) - before).as("one call for 21 refusals").isEqualTo(1);
    clock.addAndGet(refused.retryAfterMillis() * 1_000_000);
    leases.take(bucket, SMALL, 1);
    assertThat(calls(SMALL) - before).as("asked again once Retry-After has passed").isEqualTo(2);
  }

  @Test
  void aSmallPolicyAsksRedisForEveryAdmittedRequest() {
    TokenLeases leases = new TokenLeases(buckets, clock::get, 100);
    String bucket = newBucket();
    double before = calls(SMALL);

    for (int i = 0; i < SMALL.capacity(); i++) {
      assertThat(leases.take(bucket, SMALL, 1).remaining()).isEqualTo(SMALL.capacity() - 1 - i);
    }

    assertThat(calls(SMALL) - before).isEqualTo(SMALL.capacity());
  }

  @Test
  void unspentLeasedTokensAreDroppedWhenTheLeaseExpires() {
    TokenLeases leases = new TokenLeases(buckets, clock::get, 100);
    String bucket = newBucket();
    leases.take(bucket, LARGE, 1);
    double before = calls(LARGE);

    leases.take(bucket, LARGE, 1);
    clock.addAndGet(TokenLeases.LEASE_NANOS);
    TokenBucket.Decision afterExpiry = leases.take(bucket, LARGE, 1);

    assertThat(calls(LARGE) - before).as("one call: the expired lease was not spent").isEqualTo(1);
    // 1 + 100 leased, 1 spent from the lease, 99 dropped; then 1 + 100 more.
    assertThat(afterExpiry.remaining()).isEqualTo(2_000 - 202 + 100);
  }

  @Test
  void beyondItsTableALeaseHolderSendsEveryRequestToRedis() {
    TokenLeases leases = new TokenLeases(buckets, clock::get, 2);
    leases.take(newBucket(), LARGE, 1);
    leases.take(newBucket(), LARGE, 1);
    String third = newBucket();
    double before = calls(LARGE);

    leases.take(third, LARGE, 1);
    leases.take(third, LARGE, 1);

    assertThat(calls(LARGE) - before).isEqualTo(2);
  }

  private double calls(RateLimitPolicy policy) {
    Counter counter = meters.find("fieldguide.ratelimit.redis.calls").tag("policy", policy.name())
        .counter();
    return counter == null ? 0 : counter.count();
  }

  private static String newBucket() {
    return "fieldguide:ratelimit:lease-test:" + UUID.randomUUID();
  }
}
