package dev.fieldguide.orders.shortlist;

import io.swagger.v3.oas.annotations.Operation;
import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import dev.fieldguide.orders.catalog.ProductCache;
import dev.fieldguide.orders.errors.FieldProblem;
import dev.fieldguide.orders.errors.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * R5: a product shortlist kept in the HTTP session, which Spring Session stores in Redis. Only
 * {@code POST} creates a session; reading or removing without one answers an empty list and
 * creates nothing, so anonymous traffic does not fill Redis with empty sessions.
 */
@RestController
@RequestMapping(ShortlistController.PATH)
class ShortlistController {

  static final String PATH = "/api/v1/shortlist";
  static final int MAX_ENTRIES = 20;
  private static final String ATTRIBUTE = "shortlist";

  private final ProductCache products;

  ShortlistController(ProductCache products) {
    this.products = products;
  }

  @GetMapping
  @Operation(summary = "Read the visitor's shortlist")
  ShortlistResponse list(HttpServletRequest request) {
    return new ShortlistResponse(entries(request.getSession(false)));
  }

  /** Adds a product (a no-op if it is already there); creates the session if there is none. */
  @PostMapping
  @Operation(summary = "Add a product to the shortlist")
  ShortlistResponse add(@Valid @RequestBody AddToShortlist body, HttpServletRequest request) {
    long productId = Objects.requireNonNull(body.productId());
    if (products.get(productId).isEmpty()) {
      throw new NotFoundException("product", productId);
    }
    HttpSession session = request.getSession();
    List<Long> entries = new ArrayList<>(entries(session));
    if (!entries.contains(productId)) {
      if (entries.size() >= MAX_ENTRIES) {
        throw new DomainException(Kind.CONFLICT, "SHORTLIST_FULL",
            "A shortlist holds at most %d products; remove one first.".formatted(MAX_ENTRIES),
            List.of(new FieldProblem("productId", "shortlist is full")));
      }
      entries.add(productId);
      store(session, entries);
    }
    return new ShortlistResponse(entries);
  }

  @DeleteMapping("/{productId}")
  @Operation(summary = "Remove a product from the shortlist")
  ShortlistResponse remove(@PathVariable long productId, HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    List<Long> entries = new ArrayList<>(entries(session));
    if (session != null && entries.remove(Long.valueOf(productId))) {
      store(session, entries);
    }
    return new ShortlistResponse(entries);
  }

  private static List<Long> entries(@Nullable HttpSession session) {
    if (session != null && session.getAttribute(ATTRIBUTE) instanceof List<?> stored) {
      return stored.stream().map(Long.class::cast).toList();
    }
    return List.of();
  }

  /**
   * Sets the attribute again after every change: Spring Session writes only attributes that were
   * set, so mutating the stored list in place would never reach Redis.
   */
  private static void store(HttpSession session, List<Long> entries) {
    session.setAttribute(ATTRIBUTE, new ArrayList<>(entries));
  }

  /** The body of {@code POST /api/v1/shortlist}. */
  record AddToShortlist(@NotNull @Positive @Nullable Long productId) {}

  /** The shortlist in the order products were added. */
  record ShortlistResponse(List<Long> productIds) {}
}
