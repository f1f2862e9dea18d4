package dev.fieldguide.orders.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.JpaSlice;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.TestData;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.AutoConfigureJson;
import org.springframework.context.annotation.Import;

/**
 * The product list's JSONB containment filter and its keyset on {@code id}, in a persistence
 * slice on PostgreSQL: each page is one statement, and a page continues exactly after the last
 * id of the one before.
 */
@JpaSlice
@AutoConfigureJson
@Import(ProductListing.class)
class ProductAttributeListingIntegrationTests {

  @Autowired
  ProductListing listing;

  @Autowired
  TestData data;

  @Autowired
  StatementCounter statements;

  @Test
  void attributeContainmentPagesByKeysetOneStatementEach() {
    String color = "color-" + UUID.randomUUID();
    long first = data.product("First", 100, Map.of("color", color, "size", "S"));
    long second = data.product("Second", 100, Map.of("color", color));
    data.product("Other colour", 100, Map.of("color", "other-" + color));
    long third = data.product("Third", 100, Map.of("color", color));
    var filter = ProductFilter.from(Map.of("attr.color", List.of(color)), null);
    statements.reset();

    List<ProductResponse> page = listing.list(filter, 2, null);
    List<ProductResponse> next = listing.list(filter, 2, page.getLast().id());

    assertThat(page).extracting(ProductResponse::id).containsExactly(first, second);
    assertThat(next).extracting(ProductResponse::id).containsExactly(third);
    assertThat(page.getFirst().attributes()).containsEntry("size", "S");
    statements.assertSelectCount(2);
    assertThat(statements.executed()).allSatisfy(statement -> assertThat(statement.sql())
        .contains("attributes @> ?::jsonb"));
    assertThat(statements.executed().getLast().sql()).contains("id > ?");
  }
}
