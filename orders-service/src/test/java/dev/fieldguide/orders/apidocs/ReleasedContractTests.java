package dev.fieldguide.orders.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * T2: the committed contract ({@code docs/api/openapi.json}, kept equal to the running service by
 * {@code OpenApiContractIntegrationTests}) breaks no client of the last released contract
 * ({@code docs/api/released/openapi-<version>.json}) unless its major version is greater: a
 * breaking change needs {@code fieldguide.api.version} bumped, not just the file regenerated.
 */
class ReleasedContractTests {

  @Test
  void theContractBreaksNothingOfTheLastReleaseWithoutANewMajorVersion() throws IOException {
    Path baseline = lastRelease();
    JsonNode released = Contracts.JSON.readTree(Files.readString(baseline));
    JsonNode current = Contracts.JSON.readTree(Files.readString(Contracts.CURRENT));
    ApiVersion releasedVersion = ApiVersion.parse(released.path("info").path("version").asString());
    ApiVersion version = ApiVersion.parse(current.path("info").path("version").asString());

    List<String> breaking = BreakingChanges.between(released, current);

    if (version.major() > releasedVersion.major()) {
      return; // a new major version may break anything; its release becomes the next baseline
    }
    assertThat(breaking).as("""
        %s breaks clients of %s (version %s) but its version %s has the same major number: \
        undo the change, or bump fieldguide.api.version's major and keep the old contract \
        served until its sunset""".formatted(Contracts.CURRENT, baseline, releasedVersion,
        version)).isEmpty();
  }

  /** The newest released contract, by version number. */
  private static Path lastRelease() throws IOException {
    try (Stream<Path> files = Files.list(Contracts.RELEASED)) {
      return files
          .filter(f -> f.getFileName().toString().matches("openapi-\\d+\\.\\d+\\.\\d+\\.json"))
          .max(Comparator.comparing(ReleasedContractTests::version))
          .orElseThrow(() -> new IllegalStateException("no released contract in "
              + Contracts.RELEASED));
    }
  }

  private static ApiVersion version(Path file) {
    return ApiVersion.parse(file.getFileName().toString()
        .replaceAll("^openapi-|\\.json$", ""));
  }
}
