package dev.fieldguide.core.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * P9: a list lookup compares with every element before the match; a set lookup hashes once. The
 * counts come from keys that count their own {@code equals} and {@code hashCode} calls.
 */
class MembershipTests {

  private static final int KNOWN = 1_000;

  private final CountingKeys keys = new CountingKeys();
  private final List<CountingKeys.Key> known = IntStream.range(0, KNOWN).mapToObj(keys::key)
      .toList();
  // Every known id (as new instances) and one unknown id.
  private final List<CountingKeys.Key> candidates = IntStream.rangeClosed(0, KNOWN)
      .mapToObj(keys::key).toList();

  @Test
  void listLookupsCompareWithEveryElementUpToTheMatch() {
    keys.reset();

    long found = Membership.countKnownInListNaive(known, candidates);

    assertThat(found).isEqualTo(KNOWN);
    // Finding element i takes i + 1 comparisons; the miss compares with all of them.
    long expected = (long) KNOWN * (KNOWN + 1) / 2 + KNOWN;
    assertThat(keys.equalsCalls()).isEqualTo(expected);
  }

  @Test
  void setLookupsHashOnceAndCompareAtMostOnce() {
    var knownSet = new HashSet<>(known);
    keys.reset();

    long found = Membership.countKnownInSet(knownSet, candidates);

    assertThat(found).isEqualTo(KNOWN);
    assertThat(keys.equalsCalls()).isLessThanOrEqualTo(candidates.size());
    assertThat(keys.hashCodeCalls()).isEqualTo(candidates.size());
  }

  @Test
  void bothVariantsFindTheSameIds() {
    var ids = IntStream.range(0, 500).mapToObj(i -> "customer-" + i * 3).toList();
    var lookups = IntStream.range(0, 500).mapToObj(i -> "customer-" + i).toList();

    assertThat(Membership.countKnownInSet(new HashSet<>(ids), lookups))
        .isEqualTo(Membership.countKnownInListNaive(ids, lookups)).isEqualTo(167);
  }
}
