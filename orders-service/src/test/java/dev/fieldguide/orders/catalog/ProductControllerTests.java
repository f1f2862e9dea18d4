package dev.fieldguide.orders.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.fieldguide.orders.productviews.ProductViews;
import dev.fieldguide.orders.support.SliceCallers;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The product resource in a web slice: public reads with conditional GETs, parsed filters, the
 * admin-only edit with its validation, with the cache, listing, editing and view counter mocked.
 */
@CatalogWebSlice
class ProductControllerTests {

  private static final ProductResponse LAMP = new ProductResponse(5, "SKU-5", "Lamp", 1_999,
      Map.of("color", "red"));

  @Autowired
  MockMvcTester mvc;

  @Autowired
  SliceCallers callers;

  @Autowired
  ProductCache cache;

  @Autowired
  ProductListing listing;

  @Autowired
  ProductEditing editing;

  @Autowired
  ProductViews views;

  @Test
  void anyoneMayReadAProductAndEachReadCountsAView() {
    given(cache.get(5)).willReturn(Optional.of(LAMP));

    MvcTestResult result = mvc.get().uri("/api/v1/products/5").exchange();

    assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
    assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("Lamp");
    verify(views).record(5);
  }

  @Test
  void aProductReadAgainWithItsETagIsA304WithoutABody() {
    given(cache.get(5)).willReturn(Optional.of(LAMP));
    String etag = Objects.requireNonNull(
        mvc.get().uri("/api/v1/products/5").exchange().getResponse().getHeader("ETag"));

    MvcTestResult again = mvc.get().uri("/api/v1/products/5").header("If-None-Match", etag)
        .exchange();

    assertThat(again).hasStatus(HttpStatus.NOT_MODIFIED);
    assertThat(again.getResponse().getContentAsByteArray()).isEmpty();
  }

  @Test
  void aMissingProductIsA404ProblemAndCountsNoView() {
    given(cache.get(6)).willReturn(Optional.empty());

    MvcTestResult result = mvc.get().uri("/api/v1/products/6").exchange();

    assertThat(result).hasStatus(HttpStatus.NOT_FOUND)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("PRODUCT_NOT_FOUND");
    verifyNoInteractions(views);
  }

  @Test
  void theListReceivesTheParsedFiltersAndOneRowMoreThanTheLimit() {
    given(listing.list(any(), anyInt(), any())).willReturn(List.of(LAMP));

    MvcTestResult result = mvc.get().uri("/api/v1/products?attr.color=red&q=lamp&limit=2")
        .exchange();

    assertThat(result).hasStatusOk();
    assertThat(result).bodyJson().extractingPath("$.items[0].id").asNumber().isEqualTo(5);
    var filter = ArgumentCaptor.forClass(ProductFilter.class);
    verify(listing).list(filter.capture(), eq(3), eq(null));
    assertThat(filter.getValue().attributes()).isEqualTo(new TreeMap<>(Map.of("color", "red")));
    assertThat(filter.getValue().q()).isEqualTo("lamp");
  }

  @Test
  void aCustomerMayNotEditAProduct() {
    MvcTestResult result = mvc.patch().uri("/api/v1/products/5").with(callers.customer(7))
        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Desk lamp\"}").exchange();

    assertThat(result).hasStatus(HttpStatus.FORBIDDEN)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.status").asNumber().isEqualTo(403);
    verifyNoInteractions(editing);
  }

  @Test
  void anAdminsEditReachesTheServiceParsed() {
    given(editing.edit(eq(5L), any())).willReturn(LAMP);

    MvcTestResult result = mvc.patch().uri("/api/v1/products/5").with(callers.admin())
        .contentType(MediaType.APPLICATION_JSON).content("{\"priceCents\": 2499}").exchange();

    assertThat(result).hasStatusOk();
    verify(editing).edit(5, new ProductEdit(null, 2_499L, null));
  }

  /** An edit runs no retry of its own: its lost race is the client's to retry, not a 500. */
  @Test
  void anEditChosenAsDeadlockVictimIsA503TellingTheClientToRetry() {
    given(editing.edit(eq(5L), any())).willThrow(new CannotAcquireLockException(
        "could not execute statement", new SQLException("deadlock detected", "40P01")));

    MvcTestResult result = mvc.patch().uri("/api/v1/products/5").with(callers.admin())
        .contentType(MediaType.APPLICATION_JSON).content("{\"priceCents\": 2499}").exchange();

    assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).hasHeader("Retry-After", "1");
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("TRANSACTION_CONFLICT");
  }

  @Test
  void anEditThatChangesNothingOrBreaksARuleIsA400ListingTheFields() {
    MvcTestResult result = mvc.patch().uri("/api/v1/products/5").with(callers.admin())
        .contentType(MediaType.APPLICATION_JSON).content("{\"priceCents\": -1, \"name\": \" \"}")
        .exchange();

    assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("VALIDATION_FAILED");
    assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
        .containsExactlyInAnyOrder("name", "priceCents");
    verifyNoInteractions(editing);
  }

  @Test
  void aPriceGivenAsTextIsA400AndNotCoerced() {
    MvcTestResult result = mvc.patch().uri("/api/v1/products/5").with(callers.admin())
        .contentType(MediaType.APPLICATION_JSON).content("{\"priceCents\": \"2499\"}").exchange();

    assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
    verifyNoInteractions(editing);
  }
}
