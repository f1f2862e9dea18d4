package dev.fieldguide.boundarycheck.warehouse.internal;

/** Public to Java, internal to its module: a sub-package no other module may use. */
public final class StockLedger {

  public int onHand(String sku) {
    return sku.length();
  }
}
