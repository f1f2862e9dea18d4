package dev.fieldguide.lab;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * D5/PG9 lab: a burst of orders through the API, then the relay's work measured — every committed
 * order's event published once, and how long events waited between commit and publish.
 */
@Component
class OutboxLab implements Lab {

  private static final int ORDERS = 200;
  private static final int CONCURRENCY = 16;
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int PROGRESS_EVERY = 20;
  private static final int BUCKETS = 8;

  private final JdbcClient jdbc;
  private final LabOrders orders;
  private final Duration pollInterval;

  OutboxLab(JdbcClient jdbc, LabOrders orders,
      @Value("${fieldguide.outbox.poll-interval:PT0.2S}") Duration pollInterval) {
    this.jdbc = jdbc;
    this.orders = orders;
    this.pollInterval = pollInterval;
  }

  @Override
  public String name() {
    return "outbox";
  }

  @Override
  public String claim() {
    return "every committed order's event is published exactly once, shortly after the commit";
  }

  @Override
  public void run(URI base, Phases phases) {
    long customer = orders.newCustomer("Outbox");
    long product = orders.productWithStockFor(ORDERS);

    Instant start = Instant.now();
    int created = burst(base, customer, product, phases);
    double burstSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    Instant deadline = Instant.now().plus(WAIT);
    long unsent;
    long notified;
    long published = -1;
    do {
      unsent = unsent(customer);
      long nowPublished = sent(customer);
      if (nowPublished != published) { // reported as it moves: the relay publishes once a poll
        published = nowPublished;
        phases.progress("events published", published, created);
      }
      notified = count("SELECT count(*) FROM notifications WHERE customer_id = ?", customer);
      if (unsent > 0 || notified < created) {
        LabWait.pause(Duration.ofMillis(50));
      }
    } while ((unsent > 0 || notified < created) && Instant.now().isBefore(deadline));

    long committed = count("SELECT count(*) FROM orders WHERE customer_id = ?", customer);
    long sent = sent(customer);
    Map<String, Object> burst = new LinkedHashMap<>();
    burst.put("orders created", created);
    burst.put("orders committed", committed);
    burst.put("events published", sent);
    burst.put("burst seconds", burstSeconds);
    Map<String, Object> lag = lag(customer);
    lag.put("poll interval ms", pollInterval.toMillis());
    long notifiedOrders = count("SELECT count(DISTINCT order_id) FROM notifications"
        + " WHERE customer_id = ?", customer);
    Map<String, Object> effects = new LinkedHashMap<>();
    effects.put("notifications", notified);
    effects.put("orders notified", notifiedOrders);
    phases.add(new LabReport.Phase(ORDERS + " orders, " + CONCURRENCY + " at a time", burst,
        "events published = orders committed", sent == committed && committed == created));
    phases.add(new LabReport.Phase("consumer effects (notifications)", effects,
        "one notification per order, none twice",
        notified == committed && notifiedOrders == committed));
    phases.add(new LabReport.Phase("commit-to-publish lag", lag,
        "every event published within " + WAIT.toSeconds() + " s", unsent == 0));
    phases.chart(lagHistogram(lags(customer)));
  }

  private int burst(URI base, long customer, long product, Phases phases) {
    String body = LabOrders.oneLineOrder(customer, product, 1);
    var permits = new Semaphore(CONCURRENCY);
    List<Future<Integer>> statuses = new ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < ORDERS; i++) {
        statuses.add(pool.submit(() -> {
          permits.acquire();
          try {
            return orders.place(base, UUID.randomUUID().toString(), body).statusCode();
          } finally {
            permits.release();
          }
        }));
      }
      int created = 0;
      int answered = 0;
      for (Future<Integer> status : statuses) {
        created += status.get() == 201 ? 1 : 0;
        if (++answered % PROGRESS_EVERY == 0 || answered == ORDERS) {
          phases.progress("orders placed", answered, ORDERS);
        }
      }
      return created;
    } catch (Exception e) {
      throw new IllegalStateException("order burst failed", e);
    }
  }

  private Map<String, Object> lag(long customer) {
    return jdbc.sql("""
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms),
               percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_ms), max(lag_ms)
        FROM (SELECT extract(epoch FROM e.sent_at - e.created_at) * 1000 AS lag_ms
              FROM outbox_events e JOIN orders o ON e.aggregate_id = o.id::text
              WHERE e.aggregate_type = 'order' AND o.customer_id = ? AND e.status = 'SENT') l
        """).param(customer).query(rs -> {
      Map<String, Object> values = new LinkedHashMap<>();
      if (rs.next()) {
        values.put("p50 ms", Math.round(rs.getDouble(1)));
        values.put("p99 ms", Math.round(rs.getDouble(2)));
        values.put("max ms", Math.round(rs.getDouble(3)));
      }
      return values;
    });
  }

  /** Each published event's commit-to-publish lag in ms. */
  private List<Double> lags(long customer) {
    return jdbc.sql("""
        SELECT extract(epoch FROM e.sent_at - e.created_at) * 1000
        FROM outbox_events e JOIN orders o ON e.aggregate_id = o.id::text
        WHERE e.aggregate_type = 'order' AND o.customer_id = ? AND e.status = 'SENT'
        """).param(customer).query((rs, row) -> rs.getDouble(1)).list();
  }

  /** The lags' distribution in about {@link #BUCKETS} buckets from 0 ms, each a multiple of 10 ms wide. */
  private static LabChart lagHistogram(List<Double> lags) {
    double max = lags.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    long width = 10 * Math.max(1, (long) Math.ceil(max / BUCKETS / 10));
    long[] counts = new long[(int) (max / width) + 1];
    lags.forEach(lag -> counts[(int) (lag / width)]++);
    Map<String, Long> bars = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      bars.put(i * width + "-" + (i + 1) * width + " ms", counts[i]);
    }
    return LabChart.bars("Commit-to-publish lag of " + lags.size() + " events", "events", bars);
  }

  private long sent(long customer) {
    return count("""
        SELECT count(*) FROM outbox_events e JOIN orders o ON e.aggregate_id = o.id::text
        WHERE e.aggregate_type = 'order' AND o.customer_id = ? AND e.status = 'SENT'
        """, customer);
  }

  private long unsent(long customer) {
    return count("""
        SELECT count(*) FROM outbox_events e JOIN orders o ON e.aggregate_id = o.id::text
        WHERE e.aggregate_type = 'order' AND o.customer_id = ? AND e.status <> 'SENT'
        """, customer);
  }

  private long count(String sql, long customer) {
    return jdbc.sql(sql).param(customer).query(Long.class).single();
  }
}
