package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * C1 under load: admins enqueue a burst of jobs ({@code POST /api/v1/jobs}, the lab's
 * {@code echo} task) at twice the profile's rate. Invariant, from the meters once the queue has
 * drained: {@code fieldguide.jobs.runs{task=echo}} counts exactly one succeeded attempt per job
 * enqueued, and none retried or dead.
 */
public final class JobBurstSimulation extends Simulation {

  private static final String ENQUEUE = "POST job";
  private static final String RUNS = "fieldguide.jobs.runs";

  private final AtomicLong enqueued = new AtomicLong();
  private double succeededBefore;
  private double retriedBefore;
  private double deadBefore;

  {
    LoadProfile profile = LoadProfile.current();
    ScenarioBuilder burst = scenario("job burst").feed(Callers.admins("load-jobs", 20))
        .exec(http(ENQUEUE).post("/api/v1/jobs").header("Authorization", "Bearer #{token}")
            .body(StringBody("{\"type\": \"echo\", \"arguments\": {\"from\": \"load\"}}"))
            .check(status().is(202)))
        .exec(session -> {
          enqueued.incrementAndGet();
          return session;
        });
    setUp(Invariants.after(burst.injectOpen(profile.arrivals(2)), "job burst",
        Invariants.awaitMeter(succeeded -> succeeded - succeededBefore >= enqueued.get(),
            Duration.ofMinutes(2), RUNS, "task", "echo", "outcome", "succeeded")
            .exec(Meters.read("one success per job", RUNS, "task", "echo", "outcome", "succeeded")
                .check(Meters.value().validate("one success per job", this::oneSuccessPerJob)))
            .exec(Meters.read("no job retried", RUNS, "task", "echo", "outcome", "retried")
                .check(Meters.value().is(session -> retriedBefore)))
            .exec(Meters.read("no job dead", RUNS, "task", "echo", "outcome", "dead")
                .check(Meters.value().is(session -> deadBefore)))))
        .protocols(Traffic.protocol())
        .assertions(Slo.withInvariants(Map.of(ENQUEUE, 500)));
  }

  @Override
  public void before() {
    succeededBefore = ServiceApi.meter(RUNS, "task", "echo", "outcome", "succeeded");
    retriedBefore = ServiceApi.meter(RUNS, "task", "echo", "outcome", "retried");
    deadBefore = ServiceApi.meter(RUNS, "task", "echo", "outcome", "dead");
  }

  private Double oneSuccessPerJob(Double succeeded, Session session) {
    long counted = Math.round(succeeded - succeededBefore);
    Invariants.report("job burst", "enqueued=%d succeeded=%d".formatted(enqueued.get(), counted));
    if (counted != enqueued.get()) {
      throw new IllegalStateException(counted + " successes for " + enqueued.get() + " jobs");
    }
    return succeeded;
  }
}
