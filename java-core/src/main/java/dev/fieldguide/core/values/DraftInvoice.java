package dev.fieldguide.core.values;

import java.math.BigDecimal;

/**
 * The {@code @dataclass} shape: a mutable holder, handy while a value is being built up, and risky
 * once it is shared — every holder of the reference sees every change.
 */
public final class DraftInvoice {

  private String customer;
  private BigDecimal total = BigDecimal.ZERO;

  public DraftInvoice(String customer) {
    this.customer = customer;
  }

  public String customer() {
    return customer;
  }

  public void setCustomer(String customer) {
    this.customer = customer;
  }

  public BigDecimal total() {
    return total;
  }

  public void addLine(BigDecimal amount) {
    total = total.add(amount);
  }

  /** Freezing the finished draft into a value is the usual last step. */
  public Money totalAsMoney(String currency) {
    return Money.of(total, currency);
  }
}
