package dev.fieldguide.orders.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.BearerCredentials;
import dev.fieldguide.orders.catalog.ProductCache;
import dev.fieldguide.orders.security.DevTokenIssuer;
import dev.fieldguide.orders.stock.StockGrpcServer;
import dev.fieldguide.orders.stock.v1.CheckStockRequest;
import dev.fieldguide.orders.stock.v1.StockServiceGrpc;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.SecondInstance;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * D7 against a replica that really lags: a database of its own is migrated and seeded, copied
 * with {@code CREATE DATABASE ... TEMPLATE} (the replica, frozen at that moment), and a service
 * instance runs on the original with {@code fieldguide.datasource.replica.url} pointing at the
 * copy. Every write after the copy is seen by each read that must be fresh (the order just
 * placed, the product after an edit evicted its cache entry, the stock check, the statistics of
 * the primary) and by none of the {@code @ReplicaRead} lists.
 */
@IntegrationTest
class LaggingReplicaIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(LaggingReplicaIntegrationTests.class);
  // Far above the ids of the suite's own database: the instance shares the suite's Redis, where
  // the product cache is keyed by id.
  private static final long CUSTOMER = 9_000_000_000_001L;
  private static final long PRODUCT = 9_000_000_000_002L;
  private static final long OLD_PRICE = 500;
  private static final long NEW_PRICE = 900;
  private static final int OLD_STOCK = 10;
  private static final int ORDERED = 3;
  private static final String PRIMARY = "lag_primary";

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  JdbcConnectionDetails database;

  @Autowired
  Flyway flyway;

  @Autowired
  RedissonClient redisson;

  @Autowired
  DevTokenIssuer tokens;

  @Autowired
  Api api;

  @Autowired
  ProductCache products;

  private final List<String> databases = new ArrayList<>();

  @AfterEach
  void dropDatabasesAndTheCachedProduct() {
    redisson.getKeys().delete(products.key(PRODUCT));
    databases.forEach(name -> jdbc.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
  }

  @Test
  void readsThatMustBeFreshSeeWritesTheLaggingReplicaHasNot() throws SQLException {
    String primary = create(PRIMARY, "");
    Flyway.configure().configuration(flyway.getConfiguration())
        .dataSource(primary, database.getUsername(), database.getPassword()).load().migrate();
    execute(primary, """
        INSERT INTO customers (id, email, name) VALUES (%d, 'lag@example.test', 'Lag');
        INSERT INTO products (id, sku, name, price_cents, stock)
        VALUES (%d, 'LAG-1', 'Lag probe', %d, %d);
        """.formatted(CUSTOMER, PRODUCT, OLD_PRICE, OLD_STOCK));
    // The replica, frozen now. PostgreSQL copies a template only while nobody is connected to
    // it, so this comes before the instance starts.
    String replica = create("lag_replica", " TEMPLATE " + name(PRIMARY));

    try (ConfigurableApplicationContext service = SecondInstance.startService(primary, database,
        redisson, "--fieldguide.datasource.replica.url=" + replica,
        "--spring.quartz.scheduler-name=field-guide-lagging-replica")) {
      Api client = api.at(SecondInstance.baseOf(service));
      // The cache itself, not GET /api/v1/products/{id}: that would also count a view in the
      // suite's Redis, for a product its database does not have.
      ProductCache cache = service.getBean(ProductCache.class);
      assertThat(cache.get(PRODUCT).orElseThrow().priceCents()).as("cached before the edit")
          .isEqualTo(OLD_PRICE);

      // Writes after the copy: the replica never gets them.
      var placed = client.post("/api/v1/orders", """
          {"customerId": %d, "lines": [{"productId": %d, "quantity": %d}]}"""
          .formatted(CUSTOMER, PRODUCT, ORDERED),
          Map.of("Content-Type", "application/json",
              "Idempotency-Key", UUID.randomUUID().toString()));
      assertThat(placed.status()).as(placed.body()).isEqualTo(201);
      var edited = client.send("PATCH", "/api/v1/products/" + PRODUCT,
          HttpRequest.BodyPublishers.ofString(
              "{\"priceCents\": %d}".formatted(NEW_PRICE)),
          Map.of("Content-Type", "application/json"));
      assertThat(edited.status()).as(edited.body()).isEqualTo(200);
      execute(primary, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");

      // Fresh: read-your-writes, the cache loader, the stock check, the primary's statistics.
      var order = client.get(placed.header("Location"));
      long price = cache.get(PRODUCT).orElseThrow().priceCents();
      int stock = checkStock(service.getBean(StockGrpcServer.class).port());
      JsonNode top = client.get("/admin/db/top-statements").jsonBody();
      // Stale: the lists are replica reads.
      JsonNode orderList = client.get("/api/v1/orders?customerId=" + CUSTOMER).jsonBody();
      JsonNode productList = client.get("/api/v1/products").jsonBody();
      log.info("Lagging replica: order GET {}, product {} -> {} cents (list {}), stock {} -> {},"
          + " top statements '{}', orders in the list {}", order.status(), OLD_PRICE, price,
          productList.path("items").path(0)
              .path("priceCents").asLong(),
          OLD_STOCK, stock, top.path("reason").asString(""),
          orderList.path("items").size());

      assertThat(order.status()).as(order.body()).isEqualTo(200);
      assertThat(order.jsonBody().path("customer").path("id").asLong()).isEqualTo(CUSTOMER);
      assertThat(price).as("reloaded after the edit evicted it").isEqualTo(NEW_PRICE);
      assertThat(stock).isEqualTo(OLD_STOCK - ORDERED);
      // The primary has the extension (the copy has not): available where the server preloads
      // it, otherwise refused for the preload, never for a missing CREATE EXTENSION.
      assertThat(top.path("available").asBoolean()
          || top.path("reason").asString("").contains("shared_preload_libraries"))
          .as(top.toString()).isTrue();
      assertThat(orderList.path("items").size()).as(orderList.toString()).isZero();
      assertThat(productList.path("items").path(0).path("priceCents").asLong())
          .isEqualTo(OLD_PRICE);
    }
  }

  private int checkStock(int port) {
    ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port,
        InsecureChannelCredentials.create()).build();
    try {
      return StockServiceGrpc.newBlockingStub(channel)
          .withCallCredentials(new BearerCredentials(tokens.service("lagging-replica-test")))
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .checkStock(CheckStockRequest.newBuilder().addProductIds(PRODUCT).build())
          .getLevels(0).getAvailable();
    } finally {
      channel.shutdownNow();
    }
  }

  /** A new database beside the suite's, {@code CREATE DATABASE} with options; its JDBC URL. */
  private String create(String purpose, String options) {
    String name = name(purpose);
    jdbc.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    jdbc.execute("CREATE DATABASE " + name + options);
    databases.add(name);
    return database.getJdbcUrl().replace("/" + suite(), "/" + name);
  }

  private String name(String purpose) {
    return suite() + "_" + purpose;
  }

  private String suite() {
    return Objects.requireNonNull(jdbc.queryForObject("SELECT current_database()", String.class));
  }

  private void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, database.getUsername(),
        database.getPassword()); var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
