package dev.fieldguide.lab;

import io.micrometer.context.ContextRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements Hibernate prepares on the current thread while a lab runs a piece of
 * work, so a live demo can print "naive: 151 statements, fixed: 2". A lab's own HTTP request can
 * ask for its count with {@value #REQUEST_HEADER} and read it from {@value #RESPONSE_HEADER}
 * ({@link RequestStatementTally}; a GraphQL request carries its tally onto the threads its fields
 * run on, {@link GraphQlStatementTally}): a count of that request alone, whatever other traffic
 * the service serves meanwhile. Installed only in the lab-enabled application: the service itself
 * runs without a statement inspector.
 */
@Component
class StatementTally implements StatementInspector, HibernatePropertiesCustomizer {

  static final String REQUEST_HEADER = "X-Lab-Count-Statements";
  static final String RESPONSE_HEADER = "X-Lab-Statements";

  /** The tally's key for context propagation (see {@link GraphQlStatementTally}). */
  static final String CONTEXT_KEY = "fieldguide.lab.statement-tally";

  private static final ThreadLocal<@Nullable AtomicInteger> CURRENT = new ThreadLocal<>();

  StatementTally() {
    // Lets a tally follow work that Reactor or Spring for GraphQL moves to other threads.
    ContextRegistry.getInstance().registerThreadLocalAccessor(CONTEXT_KEY, CURRENT::get,
        CURRENT::set, CURRENT::remove);
  }

  @Override
  public void customize(Map<String, Object> hibernateProperties) {
    hibernateProperties.put(AvailableSettings.STATEMENT_INSPECTOR, this);
  }

  @Override
  public String inspect(String sql) {
    AtomicInteger tally = CURRENT.get();
    if (tally != null) {
      tally.incrementAndGet();
    }
    return sql;
  }

  /** Runs {@code work} on this thread and returns how many statements it prepared. */
  static <T> Counted<T> count(Supplier<T> work) {
    try (Scope tally = open()) {
      long start = System.nanoTime();
      T result = work.get();
      return new Counted<>(result, tally.statements(), (System.nanoTime() - start) / 1_000_000.0);
    }
  }

  /** Counts on this thread until the scope closes: for work that is not a {@link Supplier}. */
  static Scope open() {
    AtomicInteger tally = new AtomicInteger();
    CURRENT.set(tally);
    return new Scope(tally);
  }

  /** An open tally; closing it stops counting on this thread. */
  record Scope(AtomicInteger tally) implements AutoCloseable {

    int statements() {
      return tally.get();
    }

    @Override
    public void close() {
      CURRENT.remove();
    }
  }

  /** A result with the statements and wall-clock milliseconds it took. */
  record Counted<T>(T result, int statements, double millis) {}
}
