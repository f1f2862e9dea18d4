package dev.fieldguide.orders.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.fieldguide.orders.audit.AuditEvent;
import dev.fieldguide.orders.audit.AuditLog;
import dev.fieldguide.orders.support.SliceCallers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * An admin function in a web slice: the production security chain refuses customers before the
 * controller runs, and the controller's own range rules, parameter validation and the
 * not-ready-yet answer with {@code Retry-After} hold, with the report reader mocked.
 */
@ReportingWebSlice
class DailySalesControllerTests {

  private static final String JANUARY = "/api/v1/reports/daily-sales?from=2026-01-01&to=2026-01-31";

  @Autowired
  MockMvcTester mvc;

  @Autowired
  SliceCallers callers;

  @Autowired
  DailySalesReport report;

  @Autowired
  AuditLog audit;

  @Test
  void aCustomerCannotReadReportsTheRefusalIsAuditedAndTheReportIsNotRead() {
    MvcTestResult result = mvc.get().uri(JANUARY).with(callers.customer(7)).exchange();

    assertThat(result).hasStatus(HttpStatus.FORBIDDEN)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("FORBIDDEN");
    verify(audit).record(any(), eq("customer-7"), eq(AuditEvent.Outcome.DENIED), eq(403), any());
    verifyNoInteractions(report);
  }

  @Test
  void anAdminReadsTheParsedRange() {
    LocalDate from = LocalDate.parse("2026-01-01");
    LocalDate to = LocalDate.parse("2026-01-31");
    given(report.read(from, to, 3L)).willReturn(new DailySales(from, to, 3L,
        Instant.parse("2026-02-01T00:00:00Z"), 0, List.of()));

    MvcTestResult result = mvc.get().uri(JANUARY + "&productId=3").with(callers.admin())
        .exchange();

    assertThat(result).hasStatusOk();
    assertThat(result).bodyJson().extractingPath("$.productId").asNumber().isEqualTo(3);
    verify(report).read(from, to, 3L);
  }

  @Test
  void aReportNotComputedYetIsA503WithRetryAfter() {
    given(report.read(any(), any(), any())).willThrow(new ReportNotReadyException("daily"));

    MvcTestResult result = mvc.get().uri(JANUARY).with(callers.admin()).exchange();

    assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasHeader("Retry-After", "60");
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("REPORT_NOT_READY");
  }

  @Test
  void aRangeThatEndsBeforeItStartsIsA400() {
    MvcTestResult result = mvc.get()
        .uri("/api/v1/reports/daily-sales?from=2026-01-31&to=2026-01-01").with(callers.admin())
        .exchange();

    assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("INVALID_RANGE");
    verifyNoInteractions(report);
  }

  @Test
  void aDateOutsideItsWindowIsA400NamingTheParameter() {
    MvcTestResult result = mvc.get()
        .uri("/api/v1/reports/daily-sales?from=1900-01-01&to=2026-01-01").with(callers.admin())
        .exchange();

    assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("VALIDATION_FAILED");
    assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
        .containsExactly("from");
    verifyNoInteractions(report);
  }

  @Test
  void aMissingParameterIsA400MissingParameter() {
    MvcTestResult result = mvc.get().uri("/api/v1/reports/daily-sales?from=2026-01-01")
        .with(callers.admin()).exchange();

    assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("MISSING_PARAMETER");
  }
}
