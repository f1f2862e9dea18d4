package dev.fieldguide.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.TestData;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** D2: the summary list selects only the four columns it shows, from one table, in one query. */
@IntegrationTest
class OrderSummaryProjectionIntegrationTests {

  private static final Pattern SELECT_LIST = Pattern.compile("^select (.+?) from (\\w+)");

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  StatementCounter statements;

  @Test
  void selectsOnlyTheColumnsItShows() {
    data.orders(3, 2);
    statements.reset();

    JsonNode page = api.get("/api/v1/orders/summaries?limit=3").jsonBody();

    statements.assertSelectCount(1);
    var matcher = SELECT_LIST
        .matcher(statements.executed().getFirst().sql().toLowerCase(Locale.ROOT));
    assertThat(matcher.find()).isTrue();
    List<String> columns = Stream.of(matcher.group(1).split(","))
        .map(column -> column.strip().replaceFirst("^\\w+\\.", "")).toList();
    assertThat(columns).containsExactly("id", "status", "total_cents", "created_at");
    assertThat(matcher.group(2)).isEqualTo("orders");
    assertThat(page.path("items").get(0).propertyNames())
        .containsExactlyInAnyOrder("id", "status", "totalCents", "createdAt");
  }

  @Test
  void pagesLikeTheFullListAndItsCursorsAreItsOwn() {
    data.orders(5, 1);
    JsonNode full = api.get("/api/v1/orders?limit=4").jsonBody();
    JsonNode summaries = api.get("/api/v1/orders/summaries?limit=4").jsonBody();

    assertThat(summaries.path("items").valueStream().map(o -> o.path("id").asLong()))
        .containsExactlyElementsOf(full.path("items").valueStream().map(o -> o.path("id").asLong())
            .toList());
    var foreign = api.get("/api/v1/orders/summaries?cursor=" + full.path("nextCursor").asString());
    assertThat(foreign.status()).isEqualTo(400);
  }
}
