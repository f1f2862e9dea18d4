package dev.fieldguide.lab;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The lab page's live strip: this instance's request rate, p99 latency and error ratio, cache hit
 * ratio, outbox lag and connection pool usage, read from its own meters at most once a second and
 * only while someone looks. Rates and the p99 cover the time since the reading before; the lab
 * page's own requests ({@code /lab/**}) are left out, so the strip shows the traffic under test.
 */
@Component
class LiveStrip {

  static final Duration INTERVAL = Duration.ofSeconds(1);

  private final MeterRegistry meters;
  private final Clock clock;
  private @Nullable Sample previous;
  private @Nullable Reading latest;

  LiveStrip(MeterRegistry meters, Clock clock) {
    this.meters = meters;
    this.clock = clock;
  }

  /** What the meters say now, against the sample before; a second reading within 1 s is reused. */
  synchronized Reading read() {
    Instant now = clock.instant();
    Reading last = latest;
    if (last != null && !now.isBefore(last.at())
        && Duration.between(last.at(), now).compareTo(INTERVAL) < 0) {
      return last;
    }
    Sample sample = sample(now);
    Sample before = previous;
    previous = sample;
    // A clock set back (NTP, a test's clock) starts over rather than report negative rates.
    latest = before == null || !now.isAfter(before.at())
        ? Reading.first(sample)
        : Reading.between(before, sample, meters);
    return latest;
  }

  private Sample sample(Instant at) {
    Collection<Timer> requests = meters.find("http.server.requests").timers().stream()
        .filter(timer -> !String.valueOf(timer.getId().getTag("uri")).startsWith("/lab"))
        .toList();
    long count = 0;
    long errors = 0;
    var buckets = new TreeMap<Double, Double>();
    for (Timer timer : requests) {
      count += timer.count();
      if (String.valueOf(timer.getId().getTag("status")).startsWith("5")) {
        errors += timer.count();
      }
      for (CountAtBucket bucket : timer.takeSnapshot().histogramCounts()) {
        buckets.merge(bucket.bucket(TimeUnit.MILLISECONDS), bucket.count(), Double::sum);
      }
    }
    return new Sample(at, count, errors, buckets, sum("cache.gets", "hit"),
        sum("cache.gets", "miss"));
  }

  private double sum(String counter, String result) {
    return meters.find(counter).tag("result", result).counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  /** Cumulative meter values at one instant. */
  private record Sample(Instant at, long requests, long errors, Map<Double, Double> buckets,
      double cacheHits, double cacheMisses) {}

  /**
   * One reading of the strip. Ratios and the p99 are null when the interval had nothing to
   * measure; the p99 is the upper edge of the histogram bucket that holds it (the same buckets
   * Prometheus' {@code histogram_quantile} reads).
   */
  record Reading(Instant at, double seconds, double requestsPerSecond, @Nullable Double p99Millis,
      @Nullable Double errorRatio, @Nullable Double cacheHitRatio,
      @Nullable Double outboxLagSeconds, @Nullable Double poolUsage) {

    static Reading first(Sample sample) {
      return new Reading(sample.at(), 0, 0, null, null, null, null, null);
    }

    static Reading between(Sample before, Sample now, MeterRegistry meters) {
      double seconds = Duration.between(before.at(), now.at()).toMillis() / 1000.0;
      long requests = now.requests() - before.requests();
      double hits = now.cacheHits() - before.cacheHits();
      double gets = hits + now.cacheMisses() - before.cacheMisses();
      return new Reading(now.at(), seconds, seconds > 0 ? requests / seconds : 0,
          p99(before.buckets(), now.buckets(), requests),
          requests > 0 ? (double) (now.errors() - before.errors()) / requests : null,
          gets > 0 ? hits / gets : null, gauge(meters, "fieldguide.outbox.lag"),
          poolUsage(meters));
    }

    private static @Nullable Double p99(Map<Double, Double> before, Map<Double, Double> now,
        long requests) {
      if (requests == 0) {
        return null;
      }
      // Cumulative bucket counts, in ascending order of their upper edge.
      for (Map.Entry<Double, Double> bucket : now.entrySet()) {
        double inInterval = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
        if (inInterval >= 0.99 * requests) {
          return bucket.getKey();
        }
      }
      return null;
    }

    private static @Nullable Double gauge(MeterRegistry meters, String name) {
      Gauge gauge = meters.find(name).gauge();
      return gauge == null ? null : gauge.value();
    }

    private static @Nullable Double poolUsage(MeterRegistry meters) {
      double active = meters.find("hikaricp.connections.active").gauges().stream()
          .mapToDouble(Gauge::value).sum();
      double max = meters.find("hikaricp.connections.max").gauges().stream()
          .mapToDouble(Gauge::value).sum();
      return max > 0 ? active / max : null;
    }
  }
}
