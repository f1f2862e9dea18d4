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
    Money tenPounds = Money.of(new BigDecimal("10"), "GBP");

    assertThat(tenPounds).isEqualTo(Money.of(new BigDecimal("10.00"), "GBP"));
    assertThat(tenPounds).hasSameHashCodeAs(Money.of(new BigDecimal("10.0"), "GBP"));
    assertThat(new HashSet<>(List.of(tenPounds, Money.of(BigDecimal.TEN, "GBP")))).hasSize(1);
  }

  @Test
  void theScaleIsTheCurrencysOwnMinorUnit() {
    assertThat(Money.of(new BigDecimal("10"), "GBP").amount()).isEqualTo("10.00");
    assertThat(Money.of(new BigDecimal("1500"), "JPY").amount()).isEqualTo("1500");
    assertThat(Money.of(new BigDecimal("1.5"), "BHD").amount()).isEqualTo("1.500");
    assertThat(Money.of(new BigDecimal("1500.0"), "JPY"))
        .isEqualTo(Money.of(new BigDecimal("1500"), "JPY"));
  }

  @Test
  void recordRefusesToExistInAnInvalidState() {
    assertThatThrownBy(() -> Money.of(new BigDecimal("-1"), "GBP"))
        .hasMessage("amount must not be negative: -1");
    assertThatThrownBy(() -> Money.of(BigDecimal.ONE, "pounds"))
        .hasMessage("currency must be an ISO 4217 code: pounds");
    // Three capital letters are not enough: the code must be one the standard has.
    assertThatThrownBy(() -> Money.of(BigDecimal.ONE, "XYZ"))
        .hasMessage("currency must be an ISO 4217 code: XYZ");
    assertThatThrownBy(() -> Money.of(BigDecimal.ONE, "XAU")).hasMessage("XAU has no minor unit");
    assertThatThrownBy(() -> Money.of(new BigDecimal("1.5"), "JPY"))
        .hasMessage("JPY has 0 decimal places: 1.5");
    assertThatThrownBy(() -> Money.of(new BigDecimal("0.001"), "GBP"))
        .hasMessage("GBP has 2 decimal places: 0.001");
    assertThatThrownBy(
        () -> Money.of(BigDecimal.ONE, "GBP").plus(Money.of(BigDecimal.ONE, "EUR")))
        .hasMessage("cannot add EUR to GBP");
  }

  @Test
  void finishedDraftFreezesIntoAValue() {
    DraftInvoice draft = new DraftInvoice("ada");
    draft.addLine(new BigDecimal("2.25"));
    Money frozen = draft.totalAsMoney("GBP");

    draft.addLine(new BigDecimal("1.00"));

    assertThat(frozen).isEqualTo(Money.of(new BigDecimal("2.25"), "GBP"));
  }
}
