package dev.fieldguide.core.http;

import java.io.IOException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Every way a {@link JsonFetcher#fetch} can end; one record per {@code except} branch of the Python
 * seed, plus the body that was not JSON, each with the number of attempts it took.
 */
public sealed interface FetchResult {

  /** How many requests were sent before this outcome (1 when nothing was retried). */
  int attempts();

  /** A 2xx response whose body parsed as JSON. */
  record Ok(JsonNode json, int attempts) implements FetchResult {}

  /** No response within the request (or connect) timeout, on every attempt. */
  record TimedOut(int attempts) implements FetchResult {}

  /**
   * A non-2xx status: a 4xx at once (the request is wrong, repeating it will not help) or the last
   * 5xx/429 once the attempts ran out.
   */
  record HttpFailure(int status, int attempts) implements FetchResult {}

  /** The exchange failed below HTTP (refused, reset, DNS) on every attempt. */
  record NetworkFailure(IOException cause, int attempts) implements FetchResult {}

  /** A 2xx response whose body is not JSON; not retried, the server would send the same again. */
  record InvalidJson(JacksonException cause, int attempts) implements FetchResult {}
}
