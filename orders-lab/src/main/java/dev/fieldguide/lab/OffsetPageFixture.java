package dev.fieldguide.lab;

import dev.fieldguide.fixtures.wrongway.OffsetOrderListing;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OFFSET pages of the order list over HTTP, for the load simulation that puts them beside keyset
 * pages at the same depth ({@code OrderPagesSimulation}). The wrong way on purpose, so it lives
 * in the lab application only, for admins (it lists every customer's orders).
 */
@RestController
class OffsetPageFixture {

  static final String PATH = "/lab/fixtures/orders/offset";

  private final OffsetOrderListing listing;

  OffsetPageFixture(OffsetOrderListing listing) {
    this.listing = listing;
  }

  /** The ids of one page, newest first, as {@link OffsetOrderListing#PAGE_SQL} reads them. */
  @GetMapping(PATH)
  Page page(@RequestParam @Min(0) long offset,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return new Page(listing.ids(offset, limit));
  }

  record Page(List<Long> ids) {}
}
