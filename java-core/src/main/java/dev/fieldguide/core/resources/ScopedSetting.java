package dev.fieldguide.core.resources;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The "temporary setting" context manager: a per-call timeout that code deep in the call chain can
 * read, bound with {@code ScopedValue} so it cannot outlive the call that set it, even on a throw.
 */
public final class ScopedSetting {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private static final ScopedValue<Duration> TIMEOUT = ScopedValue.newInstance();

  private ScopedSetting() {}

  /** The timeout in force for the current call, or the default outside any override. */
  public static Duration timeout() {
    return TIMEOUT.orElse(DEFAULT_TIMEOUT);
  }

  /** Runs {@code body} with {@code timeout} in force; the binding ends when the body does. */
  public static <T> T withTimeout(Duration timeout, Callable<T> body) throws Exception {
    return ScopedValue.where(TIMEOUT, timeout).call(body::call);
  }
}
