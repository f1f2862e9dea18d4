package dev.fieldguide.lab;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A3 lab: the same GraphQL query — a page of orders with customer, lines and products — posted
 * twice over loopback, once with the {@code @BatchMapping} fields and once with the one-by-one
 * fixture fields ({@link OneByOneGraphQlResolvers}), at two page sizes, counting the statements
 * each request prepares ({@link GraphQlStatementTally}).
 */
@Component
class GraphQlLab implements Lab {

  /** Orders page, customers, lines, products: one statement per level. */
  private static final int BATCHED_BUDGET = 4;
  private static final int SMALL = 10;
  private static final int LARGE = 50;
  private static final String BATCHED = """
      { orders(first: %d) { items { id customer { email } \
      lines { quantity product { name } } } } }""";
  private static final String ONE_BY_ONE = """
      { orders(first: %d) { items { id customer { email } \
      lines: linesOneByOne { quantity product: productOneByOne { name } } } } }""";

  private final JsonMapper json;
  private final LabAuthorizedHttp http;

  GraphQlLab(JsonMapper json, LabAuthorizedHttp http) {
    this.json = json;
    this.http = http;
  }

  @Override
  public String name() {
    return "graphql";
  }

  @Override
  public String claim() {
    return "a page of orders with customers, lines and products costs " + BATCHED_BUDGET
        + " statements with @BatchMapping, whatever its size; resolved one parent at a time it"
        + " costs 2 + N orders + L lines";
  }

  @Override
  public void run(URI base, Phases phases) {
    Counted batchedSmall = post(base, BATCHED, SMALL);
    Counted oneByOneSmall = post(base, ONE_BY_ONE, SMALL);
    Counted batched = post(base, BATCHED, LARGE);
    Counted oneByOne = post(base, ONE_BY_ONE, LARGE);
    for (Counted fast : List.of(batchedSmall, batched)) {
      phases.add(phase("batched (@BatchMapping), page " + fast.page(), fast,
          BATCHED_BUDGET + " statements: orders, customers, lines, products",
          fast.statements() == BATCHED_BUDGET));
    }
    for (Counted slow : List.of(oneByOneSmall, oneByOne)) {
      phases.add(phase("one by one (@SchemaMapping fixture), page " + slow.page(), slow,
          "2 + N + L statements: orders, customers (batched), lines per order, product per line",
          slow.statements() == 2 + slow.orders() + slow.lines()));
    }
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("page " + SMALL, batchedSmall.statements());
    counts.put("page " + LARGE, batched.statements());
    phases.add(new LabReport.Phase("page size does not change the batched cost", counts,
        "same statement count for " + SMALL + " and " + LARGE,
        batchedSmall.statements() == batched.statements()));
    Map<String, Object> side = new LinkedHashMap<>();
    side.put("batched", batched.statements());
    side.put("one-by-one", oneByOne.statements());
    phases.add(new LabReport.Phase("batched: %d statements, one-by-one: %d statements (page %d)"
        .formatted(batched.statements(), oneByOne.statements(), LARGE), side,
        "the one-by-one count grows with the page; the batched one does not",
        oneByOne.statements() > batched.statements()
            && oneByOne.statements() > oneByOneSmall.statements()));
  }

  /**
   * The one place this lab calls the service: a plain client's GraphQL POST, asking for the
   * statement count. (Once the API needs a token, this is where the lab adds it.)
   */
  private Counted post(URI base, String query, int page) {
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/graphql"))
        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
        .header(StatementTally.REQUEST_HEADER, "true")
        .POST(HttpRequest.BodyPublishers
            .ofString(json.writeValueAsString(Map.of("query", query.formatted(page))))));
    double millis = (System.nanoTime() - start) / 1_000_000.0;
    JsonNode body = json.readTree(response.body());
    JsonNode items = body.path("data").path("orders").path("items");
    int lines = items.valueStream().mapToInt(order -> order.path("lines").size()).sum();
    int statements = response.headers().firstValue(StatementTally.RESPONSE_HEADER)
        .map(Integer::parseInt).orElse(-1);
    return new Counted(page, response.statusCode(), items.size(), lines, statements,
        body.path("errors").size(), millis);
  }

  private static LabReport.Phase phase(String name, Counted counted, String expected,
      boolean held) {
    Map<String, Object> measured = new LinkedHashMap<>();
    measured.put("orders", counted.orders());
    measured.put("lines", counted.lines());
    measured.put("statements", counted.statements());
    measured.put("ms", Math.round(counted.millis() * 10) / 10.0);
    if (counted.status() != 200 || counted.errors() > 0) {
      measured.put("status", counted.status());
      measured.put("errors", counted.errors());
    }
    boolean answered = counted.status() == 200 && counted.errors() == 0 && counted.orders() > 0;
    return new LabReport.Phase(name, measured, expected, held && answered);
  }

  /** What one request returned and cost. */
  private record Counted(int page, int status, int orders, int lines, int statements, int errors,
      double millis) {}
}
