package dev.fieldguide.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import dev.fieldguide.orders.errors.NotFoundException;
import dev.fieldguide.orders.security.Caller;
import dev.fieldguide.orders.support.SliceCallers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Version 1 of the order resource in a web slice: what the web layer alone owns (statuses,
 * problem+json, validation, {@code Location}, the deprecation headers, who may call, and the
 * arguments the services receive), with the services mocked.
 */
@OrderWebSlice
class OrderControllerTests {

  private static final String PLACE = """
      {"customerId": 7, "lines": [{"productId": 3, "quantity": 2}]}""";

  @Autowired
  MockMvcTester mvc;

  @Autowired
  SliceCallers callers;

  @Autowired
  OrderQueries queries;

  @Autowired
  OrderListRollout rollout;

  @Autowired
  OrderPlacement placement;

  @Test
  void placingAnOrderIs201WithItsLocationAndPlacesTheParsedRequest() {
    given(placement.place(any())).willReturn(order(41));

    MvcTestResult result = mvc.post().uri("/api/v1/orders").with(callers.customer(7))
        .contentType(MediaType.APPLICATION_JSON).content(PLACE).exchange();

    assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/v1/orders/41");
    assertThat(result).bodyJson().extractingPath("$.id").asNumber().isEqualTo(41);
    var placed = ArgumentCaptor.forClass(PlaceOrderRequest.class);
    verify(placement).place(placed.capture());
    assertThat(placed.getValue().items()).containsExactly(new PlaceOrderRequest.Item(3, 2));
  }

  @Test
  void anInvalidBodyIsA400ListingEveryFieldAndPlacesNothing() {
    MvcTestResult result = mvc.post().uri("/api/v1/orders").with(callers.admin())
        .contentType(MediaType.APPLICATION_JSON)
        .content("""
            {"customerId": 0, "lines": [{"productId": 3, "quantity": 1001}]}""")
        .exchange();

    assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("VALIDATION_FAILED");
    assertThat(result).bodyJson().extractingPath("$.status").asNumber().isEqualTo(400);
    assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
        .containsExactlyInAnyOrder("customerId", "lines[0].quantity");
    verifyNoInteractions(placement);
  }

  @Test
  void aCustomerPlacingForAnotherCustomerIsA403NamingTheField() {
    MvcTestResult result = mvc.post().uri("/api/v1/orders").with(callers.customer(8))
        .contentType(MediaType.APPLICATION_JSON).content(PLACE).exchange();

    assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("NOT_YOUR_CUSTOMER");
    assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("customerId");
    verifyNoInteractions(placement);
  }

  @Test
  void aConflictFromThePlacementIsA409ProblemWithItsCode() {
    given(placement.place(any())).willThrow(new DomainException(Kind.CONFLICT,
        "INSUFFICIENT_STOCK", "Not enough stock."));

    MvcTestResult result = mvc.post().uri("/api/v1/orders").with(callers.customer(7))
        .contentType(MediaType.APPLICATION_JSON).content(PLACE).exchange();

    assertThat(result).hasStatus(HttpStatus.CONFLICT)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("INSUFFICIENT_STOCK");
    assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/api/v1/orders");
  }

  @Test
  void aBodyThatIsNotJsonIsA415() {
    MvcTestResult result = mvc.post().uri("/api/v1/orders").with(callers.customer(7))
        .contentType(MediaType.TEXT_PLAIN).content(PLACE).exchange();

    assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void aCustomersListIsNarrowedToItsOwnOrdersWithTheParsedLimit() {
    given(rollout.list(anyString(), any(), anyInt(), any()))
        .willReturn(new OrderListing.Slice<>(List.of(order(5)), null));

    MvcTestResult result = mvc.get().uri("/api/v1/orders?status=PAID&limit=5")
        .with(callers.customer(7)).exchange();

    assertThat(result).hasStatusOk();
    assertThat(result).bodyJson().extractingPath("$.items[0].id").asNumber().isEqualTo(5);
    verify(rollout).list(anyString(), eq(new OrderFilter(7L, OrderStatus.PAID)), eq(5), any());
  }

  @Test
  void aLimitOutOfRangeIsA400NamingTheParameter() {
    MvcTestResult result = mvc.get().uri("/api/v1/orders?limit=101").with(callers.admin())
        .exchange();

    assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("VALIDATION_FAILED");
    assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("limit");
    verifyNoInteractions(rollout);
  }

  @Test
  void anUnknownStatusIsA400InvalidParameter() {
    MvcTestResult result = mvc.get().uri("/api/v1/orders?status=LOST").with(callers.admin())
        .exchange();

    assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("INVALID_PARAMETER");
  }

  @Test
  void v1AnswersCarryTheDeprecationHeadersAndTheSuccessorLink() {
    given(queries.order(eq(9L), any())).willReturn(order(9));

    MvcTestResult result = mvc.get().uri("/api/v1/orders/9").with(callers.admin()).exchange();

    assertThat(result).hasStatusOk().hasHeader("Link",
        "</api/v2/orders/9>; rel=\"successor-version\"");
    assertThat(result).headers().containsHeaders("Deprecation", "Sunset");
    var caller = ArgumentCaptor.forClass(Caller.class);
    verify(queries).order(eq(9L), caller.capture());
    assertThat(caller.getValue().admin()).isTrue();
  }

  @Test
  void anOrderTheCallerMayNotSeeIsA404Problem() {
    given(queries.order(eq(9L), any())).willThrow(new NotFoundException("order", 9));

    MvcTestResult result = mvc.get().uri("/api/v1/orders/9").with(callers.customer(7))
        .exchange();

    assertThat(result).hasStatus(HttpStatus.NOT_FOUND)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.status").asNumber().isEqualTo(404);
  }

  @Test
  void withoutATokenTheOrdersAreA401AndNoServiceIsAsked() {
    MvcTestResult result = mvc.get().uri("/api/v1/orders/9").exchange();

    assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).headers().containsHeader("WWW-Authenticate");
    verifyNoInteractions(queries);
  }

  static OrderResponse order(long id) {
    return new OrderResponse(id, "NEW", 1_000, Instant.parse("2026-01-02T03:04:05Z"),
        new OrderResponse.CustomerSummary(7, "c7@example.com", "Customer 7"),
        List.of(new OrderResponse.Line(3, "Widget", 2, 500)));
  }
}
