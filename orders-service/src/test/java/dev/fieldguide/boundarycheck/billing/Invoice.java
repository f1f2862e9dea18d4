package dev.fieldguide.boundarycheck.billing;

import dev.fieldguide.boundarycheck.warehouse.Warehouse;

/** Uses a module it never declared. */
public final class Invoice {

  public boolean billable(String sku) {
    return new Warehouse().available(sku) > 0;
  }
}
