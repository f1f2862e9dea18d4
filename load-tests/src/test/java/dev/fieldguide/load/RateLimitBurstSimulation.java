package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * R4 under load: one caller (a token of its own, so a bucket that starts full) keeps
 * {@value #IN_FLIGHT} requests in flight for the profile's duration, as fast as the service
 * answers: far over its policy's refill wherever the service serves more than that. Invariant,
 * afterwards: the requests allowed are at most capacity + refill x elapsed (elapsed from the
 * first request sent to the last answer) and, once any was refused, at least the capacity; every
 * answer stated the policy read from the checkout's application.yaml in its
 * {@code RateLimit-Policy} header (an answer without it was let through because the limiter
 * failed open); and the service's {@code fieldguide.ratelimit.rejected} grew by exactly the 429s
 * this caller got.
 */
public final class RateLimitBurstSimulation extends Simulation {

  /**
   * {@code FIELDGUIDE_BURST_POLICY}: {@code api} (default; the product read) or the lab's
   * {@code lab-burst} (capacity 10, refill 10/s: refusals within seconds on any machine, for CI).
   */
  private static final RateLimitPolicyFile POLICY = RateLimitPolicyFile
      .read(Traffic.setting("FIELDGUIDE_BURST_POLICY", "api"));
  private static final Map<String, String> ROUTES = Map.of("api", "/api/v1/products/1",
      "lab-burst", "/api/lab/limited/burst");
  private static final int IN_FLIGHT = 16;
  private static final String BURST = "GET, one caller over its limit";

  private final String token = DevTokens.admin(Traffic.BASE_URL,
      "load-burst-" + System.currentTimeMillis());
  private final AtomicLong allowed = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong firstSent = new AtomicLong();
  private final AtomicLong lastAnswered = new AtomicLong();
  private final AtomicLong policyMismatches = new AtomicLong();
  private double rejectedBefore;

  {
    LoadProfile profile = LoadProfile.current();
    ScenarioBuilder burst = scenario("one caller's burst")
        .exec(session -> {
          firstSent.compareAndSet(0, System.currentTimeMillis());
          return session;
        })
        .exec(http(BURST)
            .get(Objects.requireNonNull(ROUTES.get(POLICY.name()), "a route of " + POLICY.name()))
            .header("Authorization", "Bearer " + token)
            .check(status().in(200, 429).saveAs("status"),
                header("RateLimit-Policy").saveAs("policy")))
        .exec(this::count);
    setUp(Invariants.after(burst.injectClosed(profile.burst(IN_FLIGHT)),
        "rate-limit burst",
        exec(Meters.read("allowed within the policy, rejections counted",
            "fieldguide.ratelimit.rejected", "policy", POLICY.name())
            .check(Meters.value().validate("allowed within the policy", this::withinPolicy)))))
        .protocols(Traffic.protocol())
        .assertions(Slo.withInvariants(Map.of(BURST, 100)));
  }

  @Override
  public void before() {
    rejectedBefore = ServiceApi.meter("fieldguide.ratelimit.rejected", "policy", POLICY.name());
  }

  private Session count(Session session) {
    lastAnswered.accumulateAndGet(System.currentTimeMillis(), Math::max);
    (session.getInt("status") == 200 ? allowed : refused).incrementAndGet();
    String stated = session.getString("policy");
    if (stated == null || !POLICY.matches(stated)) {
      policyMismatches.incrementAndGet();
    }
    return session;
  }

  private Double withinPolicy(Double rejected, Session session) {
    double seconds = (lastAnswered.get() - firstSent.get()) / 1000.0;
    double most = POLICY.allowedWithin(seconds);
    String measured = "allowed=%d refused=%d elapsed=%.2fs policy=%s (capacity %d, refill %.0f/s)"
        .formatted(allowed.get(), refused.get(), seconds, POLICY.name(), POLICY.capacity(),
            POLICY.refillPerSecond());
    Invariants.report("rate-limit burst", measured + ", at most " + Math.floor(most));
    if (policyMismatches.get() > 0) {
      throw new IllegalStateException(policyMismatches.get()
          + " responses stated another policy than application.yaml's " + POLICY);
    }
    boolean refusedBeforeCapacity = refused.get() > 0 && allowed.get() < POLICY.capacity();
    if (refusedBeforeCapacity || allowed.get() > Math.floor(most)) {
      throw new IllegalStateException(measured + ": not within the policy");
    }
    if (rejected - rejectedBefore != refused.get()) {
      throw new IllegalStateException("the service counted " + (rejected - rejectedBefore)
          + " rejections, the caller got " + refused.get());
    }
    return rejected;
  }
}
