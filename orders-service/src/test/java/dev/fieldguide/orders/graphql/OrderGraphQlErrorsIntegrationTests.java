package dev.fieldguide.orders.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.TestData;
import graphql.introspection.IntrospectionQuery;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A3: what GraphQL refuses and how. Too deep and too costly queries are refused before any field
 * runs (0 statements); bad arguments and cursors are BAD_REQUEST errors, a missing order is null
 * with a NOT_FOUND error, each with the REST error {@code code} and nothing internal.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderGraphQlErrorsIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  JsonMapper json;

  @Autowired
  TestData data;

  @Autowired
  StatementCounter statements;

  @BeforeAll
  void someOrders() {
    data.orders(5, 1);
  }

  @Test
  void aQueryDeeperThanTheLimitIsRefusedBeforeAnyStatement() {
    statements.reset();

    // 14 levels: __type, fields, type, ten ofType, name. The data graph has no cycle to nest
    // deeper than 5, and graphql-java's good-faith check refuses repeated __Type.fields; an
    // ofType chain passes that check, so only the depth limit stands in its way.
    String chain = "ofType { ".repeat(10) + "name" + " }".repeat(10);
    JsonNode body = post("{ __type(name: \"Order\") { fields { type { " + chain + " } } } }");

    assertThat(error(body).path("message").asString())
        .isEqualTo("maximum query depth exceeded 14 > 13");
    assertThat(body.path("data").isMissingNode() || body.path("data").isNull()).isTrue();
    statements.assertTotalCount(0);
  }

  @Test
  void theStandardIntrospectionQueryIsWithinTheLimits() {
    JsonNode body = post(IntrospectionQuery.INTROSPECTION_QUERY);

    // Introspection itself may be off: the prod profile test turns it off for the whole JVM.
    assertThat(body.path("errors").valueStream().map(e -> e.path("message").asString()))
        .noneMatch(message -> message.startsWith("maximum query"));
  }

  @Test
  void aQueryCostlierThanTheLimitIsRefusedBeforeAnyStatement() {
    statements.reset();

    JsonNode body = post("{ " + GraphQlPost.FULL_PAGE.formatted("a") + " "
        + GraphQlPost.FULL_PAGE.formatted("b") + " }");

    assertThat(error(body).path("message").asString())
        .isEqualTo("maximum query complexity exceeded 3602 > 2000");
    statements.assertTotalCount(0);
  }

  @Test
  void aThousandAliasesOfOneLookupAreRefusedBeforeAnyStatement() {
    String aliases = IntStream.range(0, 1_000)
        .mapToObj(i -> "a%d: order(id: \"%d\") { id }".formatted(i, i + 1))
        .collect(Collectors.joining(" "));
    statements.reset();

    JsonNode body = post("{ " + aliases + " }");

    assertThat(code(body)).isEqualTo("TOO_MANY_ROOT_FIELDS");
    assertThat(classification(body)).isEqualTo("BAD_REQUEST");
    assertThat(error(body).path("message").asString())
        .isEqualTo("maximum root fields exceeded 1000 > 10");
    assertThat(body.path("data").isMissingNode() || body.path("data").isNull()).isTrue();
    statements.assertTotalCount(0);
  }

  @Test
  void rootFieldsCountThroughFragmentsAndUpToTheLimitAreAdmitted() {
    String ten = "{ ...Five ... on Query { " + fivePages("inline") + " } }"
        + " fragment Five on Query { " + fivePages("named") + " }";
    String eleven = ten.replace("{ ...Five", "{ extra: orders(first: 1) { nextCursor } ...Five");
    statements.reset();

    JsonNode refused = post(eleven);
    statements.assertTotalCount(0);
    JsonNode admitted = post(ten);

    assertThat(code(refused)).isEqualTo("TOO_MANY_ROOT_FIELDS");
    assertThat(error(refused).path("message").asString()).endsWith("11 > 10");
    assertThat(admitted.path("errors").isMissingNode()).as(admitted.toString()).isTrue();
    assertThat(admitted.path("data").properties()).hasSize(10);
  }

  /** Five aliased one-order pages: {@code <prefix>0} to {@code <prefix>4}. */
  private static String fivePages(String prefix) {
    return IntStream.range(0, 5)
        .mapToObj(i -> "%s%d: orders(first: 1) { nextCursor }".formatted(prefix, i))
        .collect(Collectors.joining(" "));
  }

  @Test
  void aFullPageOfAHundredWithEveryFieldIsWithinTheLimits() {
    JsonNode body = post("{ " + GraphQlPost.FULL_PAGE.formatted("page") + " }");

    assertThat(body.path("errors").isMissingNode()).as(body.toString()).isTrue();
    assertThat(body.path("data").path("page").path("items")).isNotEmpty();
  }

  @Test
  void aPageLargerThanAHundredIsABadRequestAndRunsNoSql() {
    statements.reset();

    JsonNode body = post("{ orders(first: 101) { items { id } } }");

    assertThat(classification(body)).isEqualTo("BAD_REQUEST");
    assertThat(code(body)).isEqualTo("INVALID_PARAMETER");
    assertThat(error(body).path("message").asString()).contains("'first'").contains("100");
    statements.assertTotalCount(0);
  }

  @Test
  void aForgedCursorIsABadRequestAndRunsNoSql() {
    statements.reset();

    JsonNode body = post("{ orders(after: \"not-a-cursor\") { items { id } } }");

    assertThat(classification(body)).isEqualTo("BAD_REQUEST");
    assertThat(code(body)).isEqualTo("INVALID_CURSOR");
    statements.assertTotalCount(0);
  }

  @Test
  void aCursorFromTheRestListOrOtherFiltersIsRefused() {
    String restCursor = api.get("/api/v1/orders?limit=1").jsonBody().path("nextCursor")
        .asString();
    String newCursor = post("{ orders(first: 1, status: NEW) { nextCursor } }").path("data")
        .path("orders").path("nextCursor").asString();

    assertThat(code(post("{ orders(after: \"%s\") { items { id } } }".formatted(restCursor))))
        .isEqualTo("INVALID_CURSOR");
    assertThat(code(post("{ orders(status: PAID, after: \"%s\") { items { id } } }"
        .formatted(newCursor)))).isEqualTo("INVALID_CURSOR");
  }

  @Test
  void theNextCursorContinuesTheListWithoutOverlap() {
    JsonNode first = post("{ orders(first: 2) { items { id } nextCursor } }").path("data")
        .path("orders");
    JsonNode second = post("{ orders(first: 2, after: \"%s\") { items { id } } }"
        .formatted(first.path("nextCursor").asString())).path("data").path("orders");

    Set<String> ids = new HashSet<>();
    first.path("items").forEach(order -> ids.add(order.path("id").asString()));
    second.path("items").forEach(order -> ids.add(order.path("id").asString()));
    assertThat(ids).hasSize(4);
    assertThat(Long.parseLong(second.path("items").get(0).path("id").asString()))
        .isLessThan(Long.parseLong(first.path("items").get(1).path("id").asString()));
  }

  @Test
  void theLastPageHasANullNextCursor() {
    long customer = data.customer();

    JsonNode page = post("{ orders(customerId: \"%d\") { items { id } nextCursor } }"
        .formatted(customer)).path("data").path("orders");

    assertThat(page.path("items")).isEmpty();
    assertThat(page.has("nextCursor")).as(page.toString()).isTrue();
    assertThat(page.path("nextCursor").isNull()).isTrue();
  }

  @Test
  void aMissingOrderIsNullWithANotFoundError() {
    JsonNode body = post("{ order(id: \"999999999\") { id } }");

    assertThat(body.path("data").has("order")).as(body.toString()).isTrue();
    assertThat(body.path("data").path("order").isNull()).isTrue();
    assertThat(classification(body)).isEqualTo("NOT_FOUND");
    assertThat(code(body)).isEqualTo("ORDER_NOT_FOUND");
    assertThat(error(body).path("path").get(0).asString()).isEqualTo("order");
  }

  @Test
  void anIdThatIsNotANumberIsABadRequestAndRunsNoSql() {
    statements.reset();

    JsonNode body = post("{ order(id: \"abc\") { id } }");

    assertThat(classification(body)).isEqualTo("BAD_REQUEST");
    assertThat(code(body)).isEqualTo("INVALID_PARAMETER");
    statements.assertTotalCount(0);
  }

  private JsonNode post(String document) {
    Api.Response response = new GraphQlPost(api, json).query(document);
    assertThat(response.status()).as(response.body()).isLessThan(500);
    return response.jsonBody();
  }

  private static JsonNode error(JsonNode body) {
    assertThat(body.path("errors")).as(body.toString()).hasSize(1);
    return body.path("errors").get(0);
  }

  private static String classification(JsonNode body) {
    return error(body).path("extensions").path("classification").asString();
  }

  private static String code(JsonNode body) {
    return error(body).path("extensions").path("code").asString();
  }
}
