package dev.fieldguide.orders.errors;

import java.sql.SQLException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What PostgreSQL said went wrong, read from a failure however Spring or Hibernate wrapped it. */
public final class SqlStates {

  /** Deadlock detected, serialization failure: the transaction lost a race, retrying may win. */
  private static final Set<String> LOST_RACE = Set.of("40P01", "40001");

  private SqlStates() {}

  /** The SQLState of the first {@link SQLException} in the cause chain that has one, if any. */
  public static @Nullable String of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  /** 40P01 or 40001 when {@code failure} is a lost race; null for any other failure. */
  public static @Nullable String lostRace(Throwable failure) {
    String state = of(failure);
    return state != null && LOST_RACE.contains(state) ? state : null;
  }
}
