package dev.fieldguide.boundarycheck;

import org.springframework.modulith.Modulithic;

/**
 * The root of a tiny application whose modules break the rules on purpose, so the boundary check
 * is seen to fail ({@code ModuleBoundariesTests}). Not a Spring application: nothing scans it.
 */
@Modulithic
public final class BoundaryCheckApplication {

  private BoundaryCheckApplication() {}
}
