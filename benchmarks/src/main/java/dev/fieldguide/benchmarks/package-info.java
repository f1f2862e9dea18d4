/**
 * The comparison point of the side-by-side benchmark (issue 21): how fast is a plain Spring Boot
 * application doing the same work as the service? A web + JDBC app with Boot's defaults serving a
 * trivial JSON body, a product by one SELECT and a customer's order page by the service's own two
 * statements, from the same database; {@code scripts/benchmark.sh} runs it beside the lab jar.
 * {@link dev.fieldguide.benchmarks.FlameGraph} draws where the service's CPU went in such a run.
 *
 * @see dev.fieldguide.benchmarks.MinimalAppIntegrationTests
 * @see dev.fieldguide.benchmarks.FlameGraphTests
 */
@NullMarked
package dev.fieldguide.benchmarks;

import org.jspecify.annotations.NullMarked;
