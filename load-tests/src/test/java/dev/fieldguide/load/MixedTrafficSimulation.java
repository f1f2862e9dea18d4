package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Simulation;

/**
 * Both scenarios at once: the foreign load CI keeps on the service while {@code ./lab all} runs,
 * so a lab that measures something server-wide instead of its own requests fails there.
 */
public final class MixedTrafficSimulation extends Simulation {

  {
    setUp(Traffic.readProduct().injectOpen(Traffic.arrivals()),
        Traffic.listOwnOrders().injectOpen(Traffic.arrivals()))
        .protocols(Traffic.protocol())
        .assertions(global().failedRequests().percent().lt(1.0));
  }
}
