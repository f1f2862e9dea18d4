/**
 * Test infrastructure: real PostgreSQL and Redis for every integration test, isolated per run.
 *
 * <p>With Docker, {@link dev.fieldguide.orders.support.ContainerServices} starts containers via
 * {@code @ServiceConnection}; without it, {@link dev.fieldguide.orders.support.LocalServicesSession}
 * gives the run its own database and Redis database index on the local servers and removes both
 * when the run ends.
 */
@NullMarked
package dev.fieldguide.orders.support;

import org.jspecify.annotations.NullMarked;
