package dev.fieldguide.orders.reporting;

import io.swagger.v3.oas.annotations.Operation;
import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import dev.fieldguide.orders.web.WithinDaysOfNow;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/daily-sales?from=&to=[&productId=]}: daily sales per product from
 * the materialized view, with the time the numbers are true as of. The range is bounded, so one
 * request reads at most {@code maxRangeDays} days of the view; anything else is a 400.
 */
@RestController
@RequestMapping("/api/v1/reports")
class DailySalesController {

  private final DailySalesReport report;
  private final ReportingProperties properties;

  DailySalesController(DailySalesReport report, ReportingProperties properties) {
    this.report = report;
    this.properties = properties;
  }

  /** Ten years back: older days are history no report here is for. */
  static final long DAYS_BACK = 3_660;
  /** A year ahead: a range may end in the future (this month, this quarter). */
  static final long DAYS_AHEAD = 366;

  @GetMapping("/daily-sales")
  @Operation(summary = "Daily sales per product")
  DailySales dailySales(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @WithinDaysOfNow(before = DAYS_BACK, after = DAYS_AHEAD) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @WithinDaysOfNow(before = DAYS_BACK, after = DAYS_AHEAD) LocalDate to,
      @RequestParam(required = false) @Nullable Long productId) {
    if (to.isBefore(from)) {
      throw new DomainException(Kind.INVALID, "INVALID_RANGE",
          "'to' (%s) is before 'from' (%s).".formatted(to, from));
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > properties.maxRangeDays()) {
      throw new DomainException(Kind.INVALID, "INVALID_RANGE",
          "The range covers %d days; at most %d are allowed.".formatted(days,
              properties.maxRangeDays()));
    }
    if (productId != null && productId < 1) {
      throw new DomainException(Kind.INVALID, "INVALID_PARAMETER", "'productId' must be positive.");
    }
    return report.read(from, to, productId);
  }
}
