package dev.fieldguide.orders.jobs;

/** Thrown by a task for a failure no retry can fix (bad arguments, a missing row): dead at once. */
public class PermanentFailure extends RuntimeException {

  public PermanentFailure(String message) {
    super(message);
  }
}
