package dev.fieldguide.lab;

import dev.fieldguide.fixtures.Concurrently;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A2 lab: a hundred identical POSTs with one Idempotency-Key at once create one order; the rest
 * are replays or "still in flight"; the same key with another body is refused.
 */
@Component
class IdempotencyLab implements Lab {

  private static final int REQUESTS = 100;

  private final JdbcClient jdbc;
  private final LabOrders orders;

  IdempotencyLab(JdbcClient jdbc, LabOrders orders) {
    this.jdbc = jdbc;
    this.orders = orders;
  }

  @Override
  public String name() {
    return "idempotency";
  }

  @Override
  public String claim() {
    return REQUESTS + " concurrent identical POSTs with one Idempotency-Key create exactly one"
        + " order";
  }

  @Override
  public void run(URI base, Phases phases) {
    long customer = orders.newCustomer("Idempotency");
    long product = orders.productWithStockFor(REQUESTS);
    String key = UUID.randomUUID().toString();
    String body = LabOrders.oneLineOrder(customer, product, 1);

    List<HttpResponse<String>> responses = burst(base, key, body);
    Map<String, Integer> outcomes = new TreeMap<>();
    for (HttpResponse<String> response : responses) {
      String kind = response.statusCode() + (response.headers()
          .firstValue("Idempotent-Replayed").isPresent() ? " replayed" : "");
      outcomes.merge(kind, 1, Integer::sum);
    }
    long created = jdbc.sql("SELECT count(*) FROM orders WHERE customer_id = ?").param(customer)
        .query(Long.class).single();
    long events = jdbc.sql("SELECT count(*) FROM outbox_events WHERE aggregate_type = 'order'"
        + " AND aggregate_id IN (SELECT id::text FROM orders WHERE customer_id = ?)")
        .param(customer).query(Long.class).single();
    long distinctCreatedBodies = responses.stream().filter(r -> r.statusCode() == 201)
        .map(HttpResponse::body).distinct().count();

    Map<String, Object> burst = new LinkedHashMap<>(outcomes);
    burst.put("orders", created);
    burst.put("outbox events", events);
    burst.put("distinct 201 bodies", distinctCreatedBodies);
    phases.add(new LabReport.Phase(REQUESTS + " concurrent POSTs, one key", burst,
        "1 order, 1 event; every answer a 201 (one body) or a 409",
        created == 1 && events == 1 && distinctCreatedBodies == 1
            && outcomes.keySet().stream().allMatch(k -> k.startsWith("201")
                || k.startsWith("409"))));
    var repeat = orders.place(base, key, body);
    String original = responses.stream().filter(r -> r.statusCode() == 201)
        .map(HttpResponse::body).findFirst().orElse("");
    boolean replayed = repeat.statusCode() == 201 && repeat.body().equals(original)
        && repeat.headers().firstValue("Idempotent-Replayed").orElse("").equals("true");
    phases.add(new LabReport.Phase("the same POST once the first finished",
        Map.of("status", repeat.statusCode(), "Idempotent-Replayed",
            repeat.headers().firstValue("Idempotent-Replayed").orElse("-")),
        "201 replayed, byte-identical to the original", replayed));
    var reused = orders.place(base, key, body.replace("\"quantity\": 1", "\"quantity\": 2"));
    phases
        .add(new LabReport.Phase("same key, different body", Map.of("status", reused.statusCode()),
            "422", reused.statusCode() == 422));
  }

  private List<HttpResponse<String>> burst(URI base, String key, String body) {
    return Concurrently.run(REQUESTS, i -> () -> orders.place(base, key, body));
  }
}
