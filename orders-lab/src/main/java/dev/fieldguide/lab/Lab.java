package dev.fieldguide.lab;

import java.net.URI;

/** One demo: runs against the service at {@code base} and reports what it measured. */
interface Lab {

  /** The name used on the command line: {@code ./lab <name>}. */
  String name();

  /** One sentence: what the lab shows. */
  String claim();

  /**
   * Runs the lab, reporting each phase to {@code phases} as soon as it is measured: a watcher of
   * the run sees it then, not when the whole lab ends.
   */
  void run(URI base, Phases phases);

  /**
   * Where a lab reports its phases, in order, one at a time; and, for the page, the charts of its
   * numbers and how far a long step has got.
   */
  @FunctionalInterface
  interface Phases {

    void add(LabReport.Phase phase);

    /** A chart of numbers already measured; the script ignores it. */
    default void chart(LabChart chart) {}

    /** How far a long step has got: {@code done} of {@code total}. */
    default void progress(String step, long done, long total) {}
  }
}
