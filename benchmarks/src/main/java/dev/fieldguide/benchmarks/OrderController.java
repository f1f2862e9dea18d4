package dev.fieldguide.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A customer's page of orders in the service's JSON shape ({@code {items, nextCursor}}). The
 * cursor is the next position in plain base64, unsigned: a plain app's cursor, not the service's.
 */
@RestController
class OrderController {

  private final OrderPages pages;

  OrderController(OrderPages pages) {
    this.pages = pages;
  }

  @GetMapping("/orders")
  OrderList orders(@RequestParam long customerId, @RequestParam(defaultValue = "20") int limit,
      @RequestParam(required = false) @Nullable String cursor) {
    OrderPages.Page page = pages.page(customerId, limit, cursor == null ? null : decode(cursor));
    OrderPages.Position next = page.next();
    return new OrderList(page.items(), next == null ? null : encode(next));
  }

  record OrderList(List<OrderPages.Order> items, @Nullable String nextCursor) {}

  private static String encode(OrderPages.Position position) {
    String keys = ChronoUnit.MICROS.between(Instant.EPOCH, position.createdAt()) + ","
        + position.id();
    return Base64.getUrlEncoder().encodeToString(keys.getBytes(StandardCharsets.UTF_8));
  }

  private static OrderPages.Position decode(String cursor) {
    try {
      String[] keys = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
          .split(",", 2);
      return new OrderPages.Position(
          Instant.EPOCH.plus(Long.parseLong(keys[0]), ChronoUnit.MICROS),
          Long.parseLong(keys[1]));
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "invalid cursor", e);
    }
  }
}
