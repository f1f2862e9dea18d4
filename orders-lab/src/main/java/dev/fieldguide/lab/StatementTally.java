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
 * work, so a live demo can print "naive: 151 statements, fixed: 2"; a GraphQL request carries its
 * tally onto the threads its fields run on ({@link GraphQlStatementTally}). Installed only in the
 * lab-enabled application: the service itself runs without a statement inspector.
 */
@Component
class StatementTally implements StatementInspector, HibernatePropertiesCustomizer {

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
    AtomicInteger tally = new AtomicInteger();
    CURRENT.set(tally);
    try {
      long start = System.nanoTime();
      T result = work.get();
      return new Counted<>(result, tally.get(), (System.nanoTime() - start) / 1_000_000.0);
    } finally {
      CURRENT.remove();
    }
  }

  /** A result with the statements and wall-clock milliseconds it took. */
  record Counted<T>(T result, int statements, double millis) {}
}
