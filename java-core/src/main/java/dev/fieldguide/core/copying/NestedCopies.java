package dev.fieldguide.core.copying;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code copy.copy} and {@code copy.deepcopy} for a list of lists, the seed's example:
 * Java has no generic deep copy, so each level is copied by the code that knows its shape.
 */
public final class NestedCopies {

  private NestedCopies() {}

  /** New outer list, same inner lists: {@code copy.copy(a)}. */
  public static <T> List<List<T>> shallowCopy(List<List<T>> source) {
    return new ArrayList<>(source);
  }

  /** New outer list and new inner lists: {@code copy.deepcopy(a)} for two levels. */
  public static <T> List<List<T>> deepCopy(List<List<T>> source) {
    List<List<T>> copy = new ArrayList<>(source.size());
    source.forEach(inner -> copy.add(new ArrayList<>(inner)));
    return copy;
  }
}
