package dev.fieldguide.core.performance;

import org.jspecify.annotations.Nullable;

/**
 * Makes keys that count how often they are hashed and compared: the tests' measure of work, a
 * count that comes out the same on every run, where a clock would not.
 */
final class CountingKeys {

  private long equalsCalls;
  private long hashCodeCalls;

  /** A new key instance, so lookups cannot short-circuit on {@code ==}. */
  Key key(int value) {
    return new Key(value);
  }

  long equalsCalls() {
    return equalsCalls;
  }

  long hashCodeCalls() {
    return hashCodeCalls;
  }

  void reset() {
    equalsCalls = 0;
    hashCodeCalls = 0;
  }

  /** A key equal to every other key with the same value. */
  final class Key {

    private final int value;

    private Key(int value) {
      this.value = value;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      equalsCalls++;
      return other instanceof Key key && key.value == value;
    }

    @Override
    public int hashCode() {
      hashCodeCalls++;
      return Integer.hashCode(value);
    }

    @Override
    public String toString() {
      return "Key[" + value + "]";
    }
  }
}
