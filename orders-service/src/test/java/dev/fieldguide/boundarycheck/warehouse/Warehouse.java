package dev.fieldguide.boundarycheck.warehouse;

/** The warehouse module's published type. */
public final class Warehouse {

  public int available(String sku) {
    return sku.length();
  }
}
