/**
 * Test infrastructure (what a pytest suite keeps in {@code conftest.py}): real PostgreSQL and
 * Redis for every integration test, isolated per run, and the fixtures tests ask for.
 *
 * <p>With Docker, {@link dev.fieldguide.orders.support.ContainerServices} starts containers via
 * {@code @ServiceConnection}; without it, {@link dev.fieldguide.orders.support.LocalServicesSession}
 * gives the run its own database and Redis database index on the local servers and removes both
 * when the run ends. {@link dev.fieldguide.orders.support.IntegrationTest} says which fixture
 * lives how long; {@link dev.fieldguide.orders.support.TestData} builds rows,
 * {@link dev.fieldguide.orders.support.TestClock} is "now", and
 * {@link dev.fieldguide.orders.support.SeededRandom} draws data that a failed run can replay.
 *
 * <p>Slices sit between unit and integration tests: {@link dev.fieldguide.orders.support.WebSlice}
 * (Spring MVC with the web and security packages, Mockito collaborators, no database) and {@link
 * dev.fieldguide.orders.support.JpaSlice} (JPA and Flyway on this run's PostgreSQL). {@link
 * dev.fieldguide.orders.support.MappedEndpoint} lists the endpoints the sweeps and budgets walk.
 */
@NullMarked
package dev.fieldguide.orders.support;

import org.jspecify.annotations.NullMarked;
