package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Simulation;

/** Reads one demo product at a steady rate: the cache-aside read under load. */
public final class ProductReadSimulation extends Simulation {

  {
    setUp(Traffic.readProduct().injectOpen(Traffic.arrivals()))
        .protocols(Traffic.protocol())
        .assertions(global().failedRequests().percent().lt(1.0));
  }
}
