package dev.fieldguide.core.performance;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** P9: 1,000 membership lookups (half hits, half misses) in a List against a HashSet. */
public class MembershipBenchmark extends BenchmarkSettings {

  @Param({"100", "10000"})
  int size;

  private List<String> knownList = List.of();
  private Set<String> knownSet = Set.of();
  private List<String> candidates = List.of();

  @Setup
  public void knownIdsAndCandidates() {
    knownList = IntStream.range(0, size).mapToObj(i -> "customer-" + i).toList();
    knownSet = new HashSet<>(knownList);
    // Every other candidate is known, spread over the whole list.
    candidates = IntStream.range(0, 1_000)
        .mapToObj(i -> i % 2 == 0 ? "customer-" + i * size / 1_000 : "unknown-" + i).toList();
  }

  @Benchmark
  public long listNaive() {
    return Membership.countKnownInListNaive(knownList, candidates);
  }

  @Benchmark
  public long set() {
    return Membership.countKnownInSet(knownSet, candidates);
  }
}
