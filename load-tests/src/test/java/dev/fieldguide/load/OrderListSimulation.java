package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Simulation;

/** Customers reading their own order lists at a steady rate: the authenticated path under load. */
public final class OrderListSimulation extends Simulation {

  {
    setUp(Traffic.listOwnOrders().injectOpen(Traffic.arrivals()))
        .protocols(Traffic.protocol())
        .assertions(global().failedRequests().percent().lt(1.0));
  }
}
