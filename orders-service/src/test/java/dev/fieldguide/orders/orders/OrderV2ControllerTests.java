package dev.fieldguide.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.jayway.jsonpath.JsonPath;
import dev.fieldguide.orders.support.SliceCallers;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Version 2 of the order resource in a web slice: money as {@code {amount, currency}}, signed
 * cursors decoded into the position the listing receives, conditional GETs, and who may call;
 * it shares {@link OrderControllerTests}' context.
 */
@OrderWebSlice
class OrderV2ControllerTests {

  @Autowired
  MockMvcTester mvc;

  @Autowired
  SliceCallers callers;

  @Autowired
  OrderQueries queries;

  @Autowired
  OrderListing listing;

  @Test
  void anOrderShowsItsMoneyAsAmountAndCurrencyWithoutDeprecationHeaders() {
    given(queries.order(eq(9L), any())).willReturn(OrderControllerTests.order(9));

    MvcTestResult result = mvc.get().uri("/api/v2/orders/9").with(callers.admin()).exchange();

    assertThat(result).hasStatusOk().doesNotContainHeader("Deprecation");
    assertThat(result).bodyJson().extractingPath("$.total.amount").isEqualTo("10.00");
    assertThat(result).bodyJson().extractingPath("$.total.currency").isEqualTo("EUR");
    assertThat(result).bodyJson().extractingPath("$.lines[0].unitPrice.amount")
        .isEqualTo("5.00");
  }

  @Test
  void theNextCursorCarriesThePositionIntoTheNextCall() throws Exception {
    var position = new OrderPosition(Instant.parse("2026-01-02T03:04:05.123456Z"), 77);
    given(listing.list(any(), anyInt(), any()))
        .willReturn(new OrderListing.Slice<>(List.of(OrderControllerTests.order(77)), position));

    MvcTestResult first = mvc.get().uri("/api/v2/orders?limit=1").with(callers.admin())
        .exchange();
    String next = JsonPath.read(first.getResponse().getContentAsString(), "$.nextCursor");
    mvc.get().uri("/api/v2/orders?limit=1&cursor=" + next).with(callers.admin()).exchange();

    verify(listing).list(OrderFilter.NONE, 1, null);
    verify(listing).list(OrderFilter.NONE, 1, position);
  }

  @Test
  void aTamperedCursorIsA400AndTheListingIsNotAsked() {
    MvcTestResult result = mvc.get().uri("/api/v2/orders?cursor=eyJ2IjoyfQ.AAAA")
        .with(callers.admin()).exchange();

    assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("INVALID_CURSOR");
    verifyNoInteractions(listing);
  }

  @Test
  void aCustomerAskingForAnotherCustomersOrdersGetsAnEmptyPageWithoutAQuery() {
    MvcTestResult result = mvc.get().uri("/api/v2/orders?customerId=8")
        .with(callers.customer(7)).exchange();

    assertThat(result).hasStatusOk();
    assertThat(result).bodyJson().extractingPath("$.items").asArray().isEmpty();
    verifyNoInteractions(listing);
  }

  @Test
  void anUnchangedAnswerIsA304ForItsETag() {
    given(listing.list(any(), anyInt(), isNull()))
        .willReturn(new OrderListing.Slice<>(List.of(OrderControllerTests.order(5)), null));
    MvcTestResult first = mvc.get().uri("/api/v2/orders").with(callers.customer(7)).exchange();
    String etag = Objects.requireNonNull(first.getResponse().getHeader("ETag"));

    MvcTestResult again = mvc.get().uri("/api/v2/orders").with(callers.customer(7))
        .header("If-None-Match", etag).exchange();

    assertThat(etag).startsWith("\"");
    assertThat(again).hasStatus(HttpStatus.NOT_MODIFIED);
    assertThat(again.getResponse().getContentAsByteArray()).isEmpty();
  }
}
