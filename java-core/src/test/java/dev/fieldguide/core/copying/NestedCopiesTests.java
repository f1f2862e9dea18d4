package dev.fieldguide.core.copying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NestedCopiesTests {

  /** {@code a = [[1],[2]]} with mutable inner lists, as in the seed. */
  private static List<List<Integer>> nested() {
    List<List<Integer>> a = new ArrayList<>();
    a.add(new ArrayList<>(List.of(1)));
    a.add(new ArrayList<>(List.of(2)));
    return a;
  }

  @Test
  void nestedMutationLeaksThroughShallowCopy() {
    List<List<Integer>> a = nested();
    List<List<Integer>> b = NestedCopies.shallowCopy(a);

    b.get(0).set(0, 9);

    assertThat(a.get(0)).containsExactly(9);
    assertThat(b).isNotSameAs(a);
  }

  @Test
  void nestedMutationStaysInDeepCopy() {
    List<List<Integer>> a = nested();
    List<List<Integer>> c = NestedCopies.deepCopy(a);

    c.get(0).set(0, 9);

    assertThat(a.get(0)).containsExactly(1);
    assertThat(c.get(0)).containsExactly(9);
  }

  @Test
  void copyOfIsUnmodifiableButStillShallow() {
    List<List<Integer>> a = nested();
    List<List<Integer>> frozen = List.copyOf(a);

    assertThatThrownBy(() -> frozen.add(List.of(3)))
        .isInstanceOf(UnsupportedOperationException.class);
    frozen.get(1).set(0, 7);

    assertThat(a.get(1)).containsExactly(7);
  }

  @Test
  void recordValueIgnoresLaterChangesToTheCallersList() {
    List<String> items = new ArrayList<>(List.of("tea"));
    Basket basket = new Basket("ada", items);

    items.add("cake");
    Basket bigger = basket.with("scone");

    assertThat(basket.items()).containsExactly("tea");
    assertThat(bigger.items()).containsExactly("tea", "scone");
    assertThatThrownBy(() -> basket.items().add("jam"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
