package dev.fieldguide.orders.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * T2: the committed contract ({@code docs/api/openapi.json}) is the document the running service
 * serves. When they differ the file is rewritten and the test fails, so the new contract is
 * committed with the code that changed it (and reviewed as a diff), like the module picture of
 * {@code ModuleBoundariesTests}.
 */
@IntegrationTest
class OpenApiContractIntegrationTests {

  @Autowired
  Api api;

  @Test
  void theCommittedContractIsTheServedDocument() throws IOException {
    var served = api.anonymous().get("/v3/api-docs");
    assertThat(served.status()).as(served.body()).isEqualTo(200);

    String document = Contracts.canonical(served.body());
    String committed = Files.exists(Contracts.CURRENT) ? Files.readString(Contracts.CURRENT) : "";
    if (!document.equals(committed)) {
      Files.createDirectories(Contracts.CURRENT.getParent());
      Files.writeString(Contracts.CURRENT, document);
    }
    assertThat(committed).as("""
        The API changed: %s is now rewritten from the running service; review the diff and \
        commit it (a breaking change also needs a new major fieldguide.api.version).""".formatted(
        Contracts.CURRENT)).isEqualTo(document);
  }
}
