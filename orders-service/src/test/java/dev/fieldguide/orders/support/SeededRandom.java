package dev.fieldguide.orders.support;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A {@link RandomGenerator} parameter seeded per test, like pytest-randomly's reseeding: a test
 * that picks its data at random picks the same data again when replayed, and a failure says how.
 *
 * <p>The run's seed is {@code -Dfieldguide.test.seed=N}, or a fresh one per run; each test's
 * generator is seeded with it mixed with the test's unique id, so a test draws the same numbers
 * whichever tests run before it. A failing test that drew from it carries the line to replay it
 * as a suppressed note. The generator is not thread-safe: draw on the test's thread.
 */
public final class SeededRandom implements ParameterResolver, TestExecutionExceptionHandler {

  public static final String SEED_PROPERTY = "fieldguide.test.seed";
  private static final long RUN_SEED = configuredOrFreshSeed();
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
      .create(SeededRandom.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RandomGenerator.class;
  }

  /** One generator per test: a {@code @BeforeEach} and its test share it. */
  @Override
  public RandomGenerator resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).computeIfAbsent(context.getUniqueId(),
        id -> new SplittableRandom(RUN_SEED ^ idHash(id)), SplittableRandom.class);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    if (context.getStore(NAMESPACE).get(context.getUniqueId()) != null) {
      failure.addSuppressed(new Replay("drew from a random generator seeded per test; replay "
          + "with -D" + SEED_PROPERTY + "=" + RUN_SEED));
    }
    throw failure;
  }

  /** The run's seed, as a failure prints it. */
  static long runSeed() {
    return RUN_SEED;
  }

  private static long configuredOrFreshSeed() {
    String configured = System.getProperty(SEED_PROPERTY);
    return configured != null ? Long.parseLong(configured) : new SecureRandom().nextLong();
  }

  private static long idHash(String uniqueId) {
    return UUID.nameUUIDFromBytes(uniqueId.getBytes(StandardCharsets.UTF_8))
        .getMostSignificantBits();
  }

  /** The note a failure carries: not an error of its own, so no stack trace. */
  static final class Replay extends RuntimeException {
    Replay(String message) {
      super(message, null, false, false);
    }
  }
}
