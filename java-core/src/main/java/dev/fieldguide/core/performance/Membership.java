package dev.fieldguide.core.performance;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * How many candidates are among the known ids: the same filter over a {@code List} and over a
 * {@code HashSet}, because only the collection decides what one lookup costs.
 */
final class Membership {

  private Membership() {}

  /** Naive variant: {@code List.contains} compares with each element in turn, O(n) a lookup. */
  static <T> long countKnownInListNaive(List<T> known, Collection<T> candidates) {
    return candidates.stream().filter(known::contains).count();
  }

  /** One hash and at most a few comparisons a lookup, O(1), like Python's {@code x in set}. */
  static <T> long countKnownInSet(Set<T> known, Collection<T> candidates) {
    return candidates.stream().filter(known::contains).count();
  }
}
