/**
 * Demo data generated inside PostgreSQL with {@code generate_series}: deterministic, sized by
 * properties, and resumable (re-running adds only what is missing).
 *
 * @see dev.fieldguide.orders.demo.DemoDataSeederIntegrationTests
 */
@NullMarked
package dev.fieldguide.orders.demo;

import org.jspecify.annotations.NullMarked;
