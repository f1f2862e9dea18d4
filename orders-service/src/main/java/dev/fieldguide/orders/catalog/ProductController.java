package dev.fieldguide.orders.catalog;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import dev.fieldguide.orders.productviews.ProductViews;
import dev.fieldguide.orders.web.KeysetCursors;
import dev.fieldguide.orders.errors.NotFoundException;
import dev.fieldguide.orders.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Version 1 of the product resource. */
@RestController
@RequestMapping("/api/v1/products")
class ProductController {

  private static final String SCOPE = "products";

  private final ProductCache cache;
  private final ProductListing listing;
  private final ProductEditing editing;
  private final KeysetCursors cursors;
  private final ProductViews views;

  ProductController(ProductCache cache, ProductListing listing, ProductEditing editing,
      KeysetCursors cursors, ProductViews views) {
    this.cache = cache;
    this.listing = listing;
    this.editing = editing;
    this.cursors = cursors;
    this.views = views;
  }

  @GetMapping
  @Operation(summary = "List products, a page at a time", description = "Filters: `attr.<name>=<value>` (at most 10; JSONB containment on "
      + "the product's attributes) and `q` (full-text search on the name).")
  PageResponse<ProductResponse> list(
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
      @RequestParam(required = false) @Nullable String cursor) {
    ProductFilter filter = ProductFilter.from(parameters, q);
    Long afterId = cursor == null
        ? null
        : KeysetCursors.key(cursors.decode(cursor, SCOPE, filter.canonical(), 1).getFirst(), 1,
            Long.MAX_VALUE);
    List<ProductResponse> rows = listing.list(filter, limit + 1, afterId);
    boolean more = rows.size() > limit;
    List<ProductResponse> page = more ? rows.subList(0, limit) : rows;
    return new PageResponse<>(page, more
        ? cursors.encode(SCOPE, filter.canonical(), List.of(String.valueOf(page.getLast().id())))
        : null);
  }

  /** R1: served cache-aside through {@link ProductCache}; R5: each 200 counts a view. */
  @GetMapping("/{id}")
  @Operation(summary = "Read a product")
  ProductResponse product(@PathVariable long id) {
    ProductResponse product = cache.get(id).orElseThrow(() -> new NotFoundException("product", id));
    views.record(id);
    return product;
  }

  /** Changes name, price or attributes; the cached copy is dropped after the commit. */
  @PatchMapping("/{id}")
  @Operation(summary = "Change a product's name, price or attributes")
  ProductResponse edit(@PathVariable long id, @Valid @RequestBody ProductEdit edit) {
    return editing.edit(id, edit);
  }
}
