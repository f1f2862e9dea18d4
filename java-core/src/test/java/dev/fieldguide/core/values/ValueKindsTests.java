package dev.fieldguide.core.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueKindsTests {

  @Test
  void sharedMutableDraftShowsEveryChangeToEveryHolder() {
    DraftInvoice draft = new DraftInvoice("ada");
    DraftInvoice sameDraft = draft;

    sameDraft.addLine(new BigDecimal("4.50"));
    sameDraft.setCustomer("bob");

    assertThat(draft.total()).isEqualByComparingTo("4.50");
    assertThat(draft.customer()).isEqualTo("bob");
  }

  @Test
  void recordsWithTheSameComponentsAreEqual() {
    Money tenPounds = new Money(new BigDecimal("10"), "GBP");

    assertThat(tenPounds).isEqualTo(new Money(new BigDecimal("10.00"), "GBP"));
    assertThat(tenPounds).hasSameHashCodeAs(new Money(new BigDecimal("10.0"), "GBP"));
    assertThat(new HashSet<>(List.of(tenPounds, new Money(BigDecimal.TEN, "GBP")))).hasSize(1);
  }

  @Test
  void recordRefusesToExistInAnInvalidState() {
    assertThatThrownBy(() -> new Money(new BigDecimal("-1"), "GBP"))
        .hasMessage("amount must not be negative: -1");
    assertThatThrownBy(() -> new Money(BigDecimal.ONE, "pounds"))
        .hasMessage("currency must be an ISO 4217 code: pounds");
    assertThatThrownBy(
        () -> new Money(BigDecimal.ONE, "GBP").plus(new Money(BigDecimal.ONE, "EUR")))
        .hasMessage("cannot add EUR to GBP");
  }

  @Test
  void finishedDraftFreezesIntoAValue() {
    DraftInvoice draft = new DraftInvoice("ada");
    draft.addLine(new BigDecimal("2.25"));
    Money frozen = draft.totalAsMoney("GBP");

    draft.addLine(new BigDecimal("1.00"));

    assertThat(frozen).isEqualTo(new Money(new BigDecimal("2.25"), "GBP"));
  }
}
