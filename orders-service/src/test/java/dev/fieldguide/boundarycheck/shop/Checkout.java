package dev.fieldguide.boundarycheck.shop;

import dev.fieldguide.boundarycheck.warehouse.internal.StockLedger;

/** Reaches into the warehouse's internals instead of asking its published type. */
public final class Checkout {

  public boolean canShip(String sku) {
    return new StockLedger().onHand(sku) > 0;
  }
}
