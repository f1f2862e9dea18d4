/**
 * P6 — context managers: guaranteed cleanup for connections, files, locks and temporary settings.
 *
 * <p>try-with-resources over {@code AutoCloseable} is Java's {@code with}: close runs on every exit,
 * and an exception from close is attached to the body's exception as suppressed instead of
 * replacing it; {@code ScopedValue} covers the temporary setting; in the Spring app,
 * {@code TransactionTemplate} and {@code @Transactional} play {@code db_session}.
 *
 * @see dev.fieldguide.core.resources.DbSessionIntegrationTests
 * @see dev.fieldguide.core.resources.ScratchDirectoryTests
 * @see dev.fieldguide.core.resources.ScopedSettingTests
 */
@NullMarked
package dev.fieldguide.core.resources;

import org.jspecify.annotations.NullMarked;
