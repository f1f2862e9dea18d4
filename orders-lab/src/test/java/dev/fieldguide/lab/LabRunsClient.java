package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import java.util.Map;

/** Starts lab runs through the API, as {@code ./lab} does, and reads them once they ended. */
final class LabRunsClient {

  private LabRunsClient() {}

  /** {@code POST /lab/runs} for {@code lab}. */
  static Api.Response start(Api api, String lab) {
    return api.post(LabRuns.PATH, "application/json", "{\"lab\":\"" + lab + "\"}");
  }

  /** Starts {@code lab} and answers its run, as JSON, once it ended. */
  static Api.Response runToEnd(Api api, String lab) {
    return readEnded(api, lab, Map.of());
  }

  /** Starts {@code lab} and answers its run, as the script's text, once it ended. */
  static Api.Response runToEndAsText(Api api, String lab) {
    return readEnded(api, lab, Map.of("Accept", "text/plain"));
  }

  private static Api.Response readEnded(Api api, String lab, Map<String, String> headers) {
    var started = start(api, lab);
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return api.get(started.header("Location") + "?wait=" + LabRunController.MAX_WAIT_SECONDS,
        headers);
  }
}
