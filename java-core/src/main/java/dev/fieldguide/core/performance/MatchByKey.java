package dev.fieldguide.core.performance;

import static java.util.function.Function.identity;
import static java.util.stream.Collectors.toMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Pairs each order with its customer by customer id: the nested loop a first draft writes, O(n ×
 * m), and the {@code HashMap} index that replaces it, O(n + m) — a dict lookup in Python terms.
 *
 * <p>Generic over both sides and the key, so tests can count key comparisons with a key of their
 * own and benchmarks can use plain strings.
 */
final class MatchByKey {

  private MatchByKey() {}

  /** One pair of a left element and the right element with the same key. */
  record Match<L, R>(L left, R right) {}

  /** Naive variant: compares every left key with every right key, n × m comparisons. */
  static <L, R, K> List<Match<L, R>> nestedLoopNaive(List<L> left, Function<L, K> leftKey,
      List<R> right, Function<R, K> rightKey) {
    List<Match<L, R>> matches = new ArrayList<>();
    for (L l : left) {
      K key = leftKey.apply(l);
      for (R r : right) {
        if (key.equals(rightKey.apply(r))) {
          matches.add(new Match<>(l, r));
        }
      }
    }
    return matches;
  }

  /**
   * Indexes the right side by key once (m hashes), then looks each left key up (n hashes). Right
   * keys must be unique, as customer ids are.
   */
  static <L, R, K> List<Match<L, R>> indexed(List<L> left, Function<L, K> leftKey, List<R> right,
      Function<R, K> rightKey) {
    Map<K, R> index = right.stream().collect(toMap(rightKey, identity()));
    List<Match<L, R>> matches = new ArrayList<>();
    for (L l : left) {
      R r = index.get(leftKey.apply(l));
      if (r != null) {
        matches.add(new Match<>(l, r));
      }
    }
    return matches;
  }
}
