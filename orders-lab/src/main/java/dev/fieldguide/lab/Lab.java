package dev.fieldguide.lab;

import java.net.URI;

/** One demo: runs against the service at {@code base} and reports what it measured. */
interface Lab {

  /** The name used on the command line: {@code ./lab <name>}. */
  String name();

  /** One sentence: what the lab shows. */
  String claim();

  LabReport run(URI base);
}
