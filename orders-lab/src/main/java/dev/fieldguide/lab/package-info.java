/**
 * Live demos: each lab runs a topic's checks against this running service and reports measured
 * values in named phases, each with an observation that passed or failed.
 *
 * <p>{@code ./lab <name>} calls {@code GET /lab/<name>}. Labs exist only in this module, the
 * lab-enabled application ({@link dev.fieldguide.lab.FieldGuideLab}); the service's own jar and
 * image have none.
 *
 * @see dev.fieldguide.lab.ErrorsLabIntegrationTests
 */
@NullMarked
package dev.fieldguide.lab;

import org.jspecify.annotations.NullMarked;
