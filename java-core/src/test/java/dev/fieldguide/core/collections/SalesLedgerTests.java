package dev.fieldguide.core.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SalesLedgerTests {

  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
  private static final LocalDate TUESDAY = MONDAY.plusDays(1);

  private final SalesLedger ledger = new SalesLedger(List.of(
      new Sale("ada", MONDAY, new BigDecimal("10.00")),
      new Sale("bob", MONDAY, new BigDecimal("5.00")),
      new Sale("ada", TUESDAY, new BigDecimal("2.50")),
      new Sale("ada", MONDAY, new BigDecimal("1.25"))));

  @Test
  void recordKeyBuiltSeparatelyFindsTheSameEntry() {
    Map<CustomerDay, BigDecimal> totals = ledger.totalsByCustomerDay();

    assertThat(totals).hasSize(3);
    assertThat(totals.get(new CustomerDay("ada", MONDAY))).isEqualByComparingTo("11.25");
    assertThat(totals.get(new CustomerDay("ada", TUESDAY))).isEqualByComparingTo("2.50");
  }

  @Test
  void mergeAccumulatesTotalsInFirstSeenOrder() {
    assertThat(ledger.totalsByCustomer()).containsExactly(
        Map.entry("ada", new BigDecimal("13.75")), Map.entry("bob", new BigDecimal("5.00")));
  }

  @Test
  void setKeepsEachCustomerOnce() {
    assertThat(ledger.uniqueCustomers()).containsExactly("ada", "bob");
  }

  @Test
  void workingListIsSortedWithoutTouchingTheLedger() {
    assertThat(ledger.largestFirst()).extracting(Sale::amount)
        .containsExactly(new BigDecimal("10.00"), new BigDecimal("5.00"), new BigDecimal("2.50"),
            new BigDecimal("1.25"));
    assertThat(ledger.totalsByCustomer().get("ada")).isEqualByComparingTo("13.75");
  }

  @Test
  void listOfIsImmutableLikeATuple() {
    List<Integer> fixed = List.of(3, 1, 2);

    assertThatThrownBy(() -> fixed.add(4)).isInstanceOf(UnsupportedOperationException.class);
  }

  /** The reason keys must be immutable: a key mutated after insertion hashes to the wrong bucket. */
  @Test
  void mutableKeyChangedAfterInsertionLosesItsEntry() {
    MutableCustomerDay key = new MutableCustomerDay("ada", MONDAY);
    Map<MutableCustomerDay, String> notes = new HashMap<>(Map.of(key, "call back"));

    key.day = TUESDAY;

    assertThat(notes.get(key)).isNull();
    assertThat(notes.get(new MutableCustomerDay("ada", MONDAY))).isNull();
    assertThat(notes).hasSize(1);
  }

  /** Test fixture: what a hand-written mutable key looks like, and why a record is safer. */
  private static final class MutableCustomerDay {
    private final String customer;
    private LocalDate day;

    MutableCustomerDay(String customer, LocalDate day) {
      this.customer = customer;
      this.day = day;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof MutableCustomerDay that && customer.equals(that.customer)
          && day.equals(that.day);
    }

    @Override
    public int hashCode() {
      return Objects.hash(customer, day);
    }
  }
}
