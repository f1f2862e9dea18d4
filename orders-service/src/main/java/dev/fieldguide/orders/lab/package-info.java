/**
 * Live demos: each lab runs a topic's checks against this running service and reports measured
 * values in named phases, each with an observation that passed or failed.
 *
 * <p>{@code ./lab <name>} calls {@code GET /lab/<name>}; the endpoints exist only while
 * {@code fieldguide.lab.enabled} is true (default profile), never in {@code prod}.
 *
 * @see dev.fieldguide.orders.lab.ErrorsLabIntegrationTests
 */
@NullMarked
package dev.fieldguide.orders.lab;

import org.jspecify.annotations.NullMarked;
