/**
 * The orders service: one Spring Boot application, one package per topic.
 *
 * <p>Start with {@code docs/TOPICS.md}: it maps each interview question to the package here that
 * answers it.
 */
@NullMarked
package dev.fieldguide.orders;

import org.jspecify.annotations.NullMarked;
