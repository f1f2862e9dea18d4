package dev.fieldguide.orders.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.observability.ScheduledSamples;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;

/**
 * Counts the SQL statements the service sends, by kind, so tests assert persistence claims as
 * numbers: {@code reset()}, act, {@code assertSelectCount(1)}.
 *
 * <p>It wraps each of the application's {@link DataSource} beans with datasource-proxy — the
 * primary pool {@code dataSource} and the replica pool {@code replicaDataSource} — and records
 * which one ran each statement. It runs before every other post-processor ({@link PriorityOrdered}),
 * so it wraps the pools themselves, before the read-only routing proxy wraps the primary: each
 * statement is counted once, on the pool that ran it. Counts are global, which is right for the
 * suite's sequential tests and includes statements from server threads. Quartz's polling of its
 * own {@code QRTZ_} tables and the metric samples ({@link ScheduledSamples}) are left out: they
 * run on timers, whatever the test does.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter implements BeanPostProcessor, PriorityOrdered {

  /** The bean names of the two pools, as {@link Executed#dataSource()} reports them. */
  public static final String PRIMARY = "dataSource";
  public static final String REPLICA = "replicaDataSource";

  private final AtomicLong selects = new AtomicLong();
  private final AtomicLong inserts = new AtomicLong();
  private final AtomicLong updates = new AtomicLong();
  private final AtomicLong deletes = new AtomicLong();
  private final AtomicLong others = new AtomicLong();
  private final List<Executed> executed = new CopyOnWriteArrayList<>();

  /**
   * A statement as the driver received it, with its bound parameters in order, and the bean name
   * of the pool that ran it ({@link #PRIMARY} or {@link #REPLICA}).
   */
  public record Executed(String sql, List<Object> parameters, String dataSource) {
    /** The parameters as plain JDBC values, ready to run the statement again (e.g. EXPLAIN). */
    public Object[] jdbcParameters() {
      return parameters.stream()
          .map(p -> p instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : p).toArray();
    }
  }

  /** Statements run since the last {@link #reset()}, oldest first. */
  public List<Executed> executed() {
    return List.copyOf(executed);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
      return ProxyDataSourceBuilder.create(dataSource).name(beanName)
          .afterQuery((execution, queries) -> queries
              .forEach(query -> record(execution.getDataSourceName(), query)))
          .build();
    }
    return bean;
  }

  public void reset() {
    executed.clear();
    selects.set(0);
    inserts.set(0);
    updates.set(0);
    deletes.set(0);
    others.set(0);
  }

  public long selects() {
    return selects.get();
  }

  public long total() {
    return selects.get() + inserts.get() + updates.get() + deletes.get() + others.get();
  }

  public void assertSelectCount(long expected) {
    assertThat(selects.get()).as("SELECT statements").isEqualTo(expected);
  }

  public void assertTotalCount(long expected) {
    assertThat(total()).as("all statements").isEqualTo(expected);
  }

  private void record(String dataSource, QueryInfo query) {
    String sql = query.getQuery();
    if (sql.toUpperCase(Locale.ROOT).contains("QRTZ_")) {
      return; // the job scheduler polling its own tables, not the code under test
    }
    if (Thread.currentThread().getName().startsWith(ScheduledSamples.READER_THREAD_PREFIX)) {
      return; // a metric sample, also on a timer of its own
    }
    List<Object> parameters = new ArrayList<>();
    if (!query.getParametersList().isEmpty()) {
      query.getParametersList().getFirst().stream()
          .sorted(Comparator.comparingInt(op -> (Integer) op.getArgs()[0]))
          .forEach(op -> parameters.add(op.getArgs().length > 1 ? op.getArgs()[1] : null));
    }
    executed.add(new Executed(sql, Collections.unmodifiableList(parameters), dataSource));
    count(sql);
  }

  private void count(String sql) {
    String head = sql.stripLeading().toLowerCase(Locale.ROOT);
    AtomicLong counter = head.startsWith("select") || head.startsWith("with")
        ? selects
        : head.startsWith("insert")
            ? inserts
            : head.startsWith("update")
                ? updates
                : head.startsWith("delete")
                    ? deletes
                    : others;
    counter.incrementAndGet();
  }
}
