package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.security.DevTokenIssuer;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Lab runs as resources: a POST starts one (201 and its address), one run per lab at a time (409
 * naming the running one), cancel, the kept history, and the event stream. A lab of this test's
 * own holds each run open until the test opens its gate.
 */
@IntegrationTest
@Import(LabRunsIntegrationTests.GateLabConfiguration.class)
class LabRunsIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  GateLab gate;

  @Autowired
  DevTokenIssuer tokens;

  @BeforeEach
  void closeTheGate() {
    gate.close();
  }

  /** Lets a run a failed test left at the gate end, so the next test can start the lab. */
  @AfterEach
  void openTheGateAndAwaitTheLastRun() {
    gate.open();
    var runs = api.get(LabRuns.PATH + "?lab=" + GateLab.NAME).jsonBody();
    if (!runs.isEmpty()) {
      api.get(runs.get(0).path("url").asString() + "?wait=30");
    }
  }

  @Test
  void aStartIsA201WithTheRunsAddressAndTheRunEndsWithItsPhases() {
    var started = LabRunsClient.start(api, GateLab.NAME);

    assertThat(started.status()).isEqualTo(201);
    String location = started.header("Location");
    assertThat(location).matches("/lab/runs/gate-\\d+");
    assertThat(started.jsonBody().path("state").asString()).isEqualTo("RUNNING");
    assertThat(started.jsonBody().path("url").asString()).isEqualTo(location);

    gate.open();
    var ended = api.get(location + "?wait=30");

    assertThat(ended.jsonBody().path("state").asString()).isEqualTo("PASSED");
    assertThat(ended.jsonBody().path("phases").get(1).path("name").asString())
        .isEqualTo("the gate opened");
    assertThat(ended.jsonBody().path("charts").get(0).path("series").get(0).path("values")
        .get(0).asInt()).isEqualTo(1);
    assertThat(ended.jsonBody().path("progress").path("total").asLong()).isEqualTo(1);
  }

  @Test
  void aSecondStartWhileTheLabRunsIsA409NamingTheRunningOne() {
    String running = LabRunsClient.start(api, GateLab.NAME).header("Location");

    var again = LabRunsClient.start(api, GateLab.NAME);

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    assertThat(again.jsonBody().path("code").asString()).isEqualTo("LAB_ALREADY_RUNNING");
    assertThat(again.jsonBody().path("run").asString()).isEqualTo(running);

    gate.open();
    api.get(running + "?wait=30");
    var next = LabRunsClient.start(api, GateLab.NAME);
    assertThat(next.status()).isEqualTo(201);
    api.get(next.header("Location") + "?wait=30");
    var history = api.get(LabRuns.PATH + "?lab=" + GateLab.NAME).jsonBody();
    assertThat(history.get(0).path("url").asString()).isEqualTo(next.header("Location"));
    assertThat(history.get(1).path("url").asString()).isEqualTo(running);
  }

  @Test
  void aCancelledRunEndsAsCancelledAndFreesTheLab() {
    String running = LabRunsClient.start(api, GateLab.NAME).header("Location");

    var cancelled = api.send("DELETE", running, HttpRequest.BodyPublishers.noBody(), Map.of());

    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.jsonBody().path("state").asString()).isEqualTo("CANCELLED");
    gate.open();
    var next = LabRunsClient.start(api, GateLab.NAME);
    assertThat(next.status()).isEqualTo(201);
    api.get(next.header("Location") + "?wait=30");
  }

  @Test
  void theEventStreamSendsEachPhaseThenTheEnd() throws Exception {
    String running = LabRunsClient.start(api, GateLab.NAME).header("Location");
    var request = HttpRequest.newBuilder(api.base().resolve(running + "/events"))
        .header("Authorization", "Bearer " + tokens.admin("test-admin"))
        .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build();

    HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofLines()); // returns at the first event
    List<String> beforeTheGate = new ArrayList<>();
    List<String> afterTheGate = new ArrayList<>();
    try (Stream<String> body = stream.body()) {
      Iterator<String> read = body.filter(line -> line.startsWith("event:")
          || line.startsWith("data:")).iterator();
      // The lab reports its first phase, then waits at the gate: that phase reaches the watcher
      // while the run goes on (in the run's first snapshot or as a phase event, whichever the
      // subscription met), which is what streaming as measured means.
      while (beforeTheGate.stream().noneMatch(line -> line.contains("at the gate"))) {
        beforeTheGate.add(read.next());
      }
      gate.open();
      // The server completes the stream after "end", which ends this read.
      read.forEachRemaining(afterTheGate::add);
    }

    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(beforeTheGate.getFirst()).isEqualTo("event:run");
    assertThat(beforeTheGate).noneMatch(line -> line.contains("the gate opened"))
        .noneMatch(line -> line.equals("event:end"));
    assertThat(afterTheGate).containsExactly("event:phase", afterTheGate.get(1),
        "event:progress", afterTheGate.get(3), "event:chart", afterTheGate.get(5), "event:end",
        afterTheGate.get(7));
    assertThat(afterTheGate.get(1)).contains("\"name\":\"the gate opened\"",
        "\"passed\":true");
    assertThat(afterTheGate.get(3)).contains("\"step\":\"through the gate\"", "\"done\":1");
    assertThat(afterTheGate.get(5)).contains("\"title\":\"gates opened\"", "\"kind\":\"BARS\"");
    assertThat(afterTheGate.get(7)).contains("\"state\":\"PASSED\"");
  }

  @Test
  void aLabThatDiesWithAnErrorEndsItsRunAndCanStartAgain() {
    for (int attempt = 0; attempt < 2; attempt++) {
      var started = LabRunsClient.start(api, BrokenLab.NAME);
      assertThat(started.status()).isEqualTo(201);

      var ended = api.get(started.header("Location") + "?wait=30").jsonBody();

      assertThat(ended.path("state").asString()).isEqualTo("ERROR");
      assertThat(ended.path("finishedAt").isNull()).isFalse();
    }
  }

  @Test
  void aRunThatDoesNotExistIsA404AndABlankLabA400() {
    assertThat(api.get(LabRuns.PATH + "/no-such-run").status()).isEqualTo(404);
    assertThat(LabRunsClient.start(api, " ").status()).isEqualTo(400);
  }

  /** Registers {@link GateLab} beside the real labs. */
  @TestConfiguration(proxyBeanMethods = false)
  static class GateLabConfiguration {

    @Bean
    GateLab gateLab() {
      return new GateLab();
    }

    @Bean
    BrokenLab brokenLab() {
      return new BrokenLab();
    }
  }

  /** A lab that dies with an {@link Error}, which no lab code catches. */
  static class BrokenLab implements Lab {

    static final String NAME = "broken";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String claim() {
      return "dies at once";
    }

    @Override
    public void run(URI base, Phases phases) {
      throw new AssertionError("broken on purpose");
    }
  }

  /**
   * A lab that reports a first phase at once, then waits for the test to open its gate (at most
   * 30 s) and reports a second phase, its progress and a chart.
   */
  static class GateLab implements Lab {

    static final String NAME = "gate";

    private volatile CountDownLatch gate = new CountDownLatch(1);

    void close() {
      gate = new CountDownLatch(1);
    }

    void open() {
      gate.countDown();
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String claim() {
      return "runs until the test opens the gate";
    }

    @Override
    public void run(URI base, Phases phases) {
      phases.add(new LabReport.Phase("at the gate", Map.of(), "reported before the gate opens",
          true));
      try {
        boolean opened = gate.await(30, TimeUnit.SECONDS);
        phases.add(new LabReport.Phase("the gate opened", Map.of("opened", opened),
            "the test opens the gate", opened));
        phases.progress("through the gate", 1, 1);
        phases.chart(LabChart.bars("gates opened", "gates", Map.of("gate", 1)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("cancelled while waiting at the gate", e);
      }
    }
  }
}
