package dev.fieldguide.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The minimal app's three endpoints on the service's schema (its SQL migrations, run by Flyway
 * from orders-service's sources): the same JSON fields as the service, one statement per product
 * and two per order page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.flyway.locations=filesystem:../orders-service/src/main/resources/db/migration",
    "spring.flyway.postgresql.transactional-lock=false"})
@Import(SqlLog.class)
class MinimalAppIntegrationTests {

  private static final LocalDatabase DATABASE = LocalDatabase.create();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::user);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  @AfterAll
  static void dropDatabase() {
    DATABASE.drop();
  }

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  JsonMapper json;

  @Autowired
  SqlLog sql;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void helloIsTheSmallestJson() throws Exception {
    assertThat(get("/hello").body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void productIsOneSelectWithTheServiceFields() throws Exception {
    long id = product("SKU-P1", "Mug", 1250);
    sql.clear();

    JsonNode product = json.readTree(get("/products/" + id).body());

    assertThat(product.propertyNames()).containsExactly("id", "sku", "name", "priceCents",
        "attributes");
    assertThat(product.path("priceCents").asLong()).isEqualTo(1250);
    assertThat(product.path("attributes").path("color").asString()).isEqualTo("green");
    assertThat(sql.statements()).hasSize(1);
    assertThat(get("/products/" + (id + 1000)).statusCode()).isEqualTo(404);
  }

  @Test
  void orderPageIsTwoStatementsNewestFirstAndContinuesAtItsCursor() throws Exception {
    long customer = jdbc.sql("insert into customers (email, name) values ('c@example.test', 'Ada')"
        + " returning id").query(Long.class).single();
    long product = product("SKU-O1", "Pen", 300);
    long[] orders = new long[3];
    for (int i = 0; i < orders.length; i++) {
      orders[i] = order(customer, product, i + 1, Instant.parse("2025-01-01T00:00:00Z")
          .plusSeconds(60L * i));
    }
    sql.clear();

    JsonNode first = json.readTree(get("/orders?customerId=" + customer + "&limit=2").body());

    assertThat(sql.statements()).hasSize(2);
    assertThat(first.propertyNames()).containsExactly("items", "nextCursor");
    JsonNode newest = first.path("items").get(0);
    assertThat(newest.propertyNames()).containsExactly("id", "status", "totalCents",
        "createdAt", "customer", "lines");
    assertThat(newest.path("id").asLong()).isEqualTo(orders[2]);
    assertThat(newest.path("createdAt").asString()).isEqualTo("2025-01-01T00:02:00Z");
    assertThat(newest.path("customer").path("name").asString()).isEqualTo("Ada");
    assertThat(newest.path("lines").get(0).propertyNames()).containsExactly("productId",
        "productName", "quantity", "unitPriceCents");
    assertThat(newest.path("lines").get(0).path("quantity").asInt()).isEqualTo(3);

    JsonNode rest = json.readTree(get("/orders?customerId=" + customer + "&limit=2&cursor="
        + first.path("nextCursor").asString()).body());

    assertThat(rest.path("items")).hasSize(1);
    assertThat(rest.path("items").get(0).path("id").asLong()).isEqualTo(orders[0]);
    assertThat(rest.path("nextCursor").isNull()).isTrue();
  }

  @Test
  void anEmptyPageSendsNoLinesQueryAndABadCursorIsABadRequest() throws Exception {
    sql.clear();

    assertThat(get("/orders?customerId=999999").body())
        .isEqualTo("{\"items\":[],\"nextCursor\":null}");
    assertThat(sql.statements()).hasSize(1);
    assertThat(get("/orders?customerId=1&cursor=bm9wZQ").statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long product(String sku, String name, long priceCents) {
    return jdbc.sql("insert into products (sku, name, price_cents, stock, attributes)"
        + " values (?, ?, ?, 10, '{\"color\": \"green\"}') returning id")
        .params(sku, name, priceCents).query(Long.class).single();
  }

  private long order(long customer, long product, int quantity, Instant createdAt) {
    long order = jdbc.sql("insert into orders (customer_id, status, total_cents, created_at)"
        + " values (?, 'NEW', ?, ?) returning id")
        .params(customer, quantity * 300L, createdAt.atOffset(ZoneOffset.UTC))
        .query(Long.class).single();
    jdbc.sql("insert into order_lines (order_id, product_id, quantity, unit_price_cents)"
        + " values (?, ?, ?, 300)").params(order, product, quantity).update();
    return order;
  }
}
