/**
 * P4 — error handling with HTTP: timeouts, status mapping and retries with backoff.
 *
 * <p>{@link java.net.http.HttpClient} with a connect and a per-request timeout; only what a later
 * attempt can fix (timeouts, I/O errors, 5xx, 429) is retried by a Resilience4j {@code Retry} with
 * exponential backoff and jitter; every way a fetch can end is one case of the sealed {@link
 * dev.fieldguide.core.http.FetchResult}, so the caller's {@code switch} reads like Python's {@code
 * except} branches and the compiler checks that none is forgotten.
 *
 * <p>Why a result type and not exceptions: the Python seed returns {@code None} for every failure,
 * which hides which one happened; typed exceptions would name it, but a 404 or a timeout is an
 * expected outcome of talking to another service, not a bug, and an exhaustive {@code switch} over
 * a sealed type cannot skip one the way an unchecked exception can slip past a caller. Exceptions
 * stay for what the caller cannot handle: a malformed URI and interruption.
 *
 * @see dev.fieldguide.core.http.JsonFetcherIntegrationTests
 * @see dev.fieldguide.core.http.FetchPolicyTests
 */
@NullMarked
package dev.fieldguide.core.http;

import org.jspecify.annotations.NullMarked;
