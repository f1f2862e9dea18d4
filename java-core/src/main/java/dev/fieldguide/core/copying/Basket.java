package dev.fieldguide.core.copying;

import java.util.ArrayList;
import java.util.List;

/**
 * The Java habit that makes the copy question moot: an immutable value. The compact constructor
 * takes an unmodifiable snapshot, so neither the caller's list nor anyone holding the basket can
 * change it later — sharing it is as safe as copying it.
 */
public record Basket(String owner, List<String> items) {

  public Basket {
    items = List.copyOf(items);
  }

  /** Changes produce a new value; the old one stays valid for whoever still holds it. */
  public Basket with(String item) {
    List<String> more = new ArrayList<>(items);
    more.add(item);
    return new Basket(owner, more);
  }
}
