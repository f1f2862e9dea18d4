package dev.fieldguide.lab;

import java.time.Duration;

/** A lab polling the service waits between looks; always inside a deadline of its own. */
final class LabWait {

  private LabWait() {}

  static void pause(Duration pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
