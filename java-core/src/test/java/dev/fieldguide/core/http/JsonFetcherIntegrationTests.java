package dev.fieldguide.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.fieldguide.core.http.FetchResult.HttpFailure;
import dev.fieldguide.core.http.FetchResult.InvalidJson;
import dev.fieldguide.core.http.FetchResult.NetworkFailure;
import dev.fieldguide.core.http.FetchResult.Ok;
import dev.fieldguide.core.http.FetchResult.TimedOut;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The seed's three except branches, plus retries, against a real HTTP server that misbehaves. */
class JsonFetcherIntegrationTests {

  @RegisterExtension
  static final WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  /**
   * 10 ms backoff keeps the class fast. The request timeout is generous here because the first
   * request a fresh WireMock serves can take over a second; only the timeout test shortens it.
   */
  private static final FetchPolicy QUICK_BACKOFF = new FetchPolicy(
      Duration.ofSeconds(1),
      Duration.ofSeconds(5),
      3,
      Duration.ofMillis(10),
      Duration.ofMillis(100));

  private final JsonFetcher fetcher = new JsonFetcher(QUICK_BACKOFF);

  @AfterEach
  void closeFetcher() {
    fetcher.close();
  }

  @Test
  void parsesJsonFromOkResponse() {
    server.stubFor(get("/items/42").willReturn(okJson("{\"id\": 42, \"name\": \"kettle\"}")));

    FetchResult result = fetcher.fetch(uri("/items/42"));

    assertThat(result)
        .isInstanceOfSatisfying(
            Ok.class, ok -> assertThat(ok.json().get("name").asString()).isEqualTo("kettle"));
    assertThat(result.attempts()).isOne();
  }

  @Test
  void retriesTimeoutsThenGivesUpAsTimedOut() {
    server.stubFor(get("/slow").willReturn(okJson("{}").withFixedDelay(1_000)));
    var impatient = new FetchPolicy(
        QUICK_BACKOFF.connectTimeout(),
        Duration.ofMillis(200),
        QUICK_BACKOFF.maxAttempts(),
        QUICK_BACKOFF.initialBackoff(),
        QUICK_BACKOFF.maxBackoff());

    FetchResult result;
    try (var fetcherWithShortTimeout = new JsonFetcher(impatient)) {
      result = fetcherWithShortTimeout.fetch(uri("/slow"));
    }

    server.verify(exactly(3), getRequestedFor(urlPathEqualTo("/slow")));
    assertThat(result).isEqualTo(new TimedOut(3));
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 503, 429})
  void retriesTransientStatusesThenGivesUp(int status) {
    server.stubFor(get("/busy").willReturn(aResponse().withStatus(status)));

    FetchResult result = fetcher.fetch(uri("/busy"));

    server.verify(exactly(3), getRequestedFor(urlPathEqualTo("/busy")));
    assertThat(result).isEqualTo(new HttpFailure(status, 3));
  }

  @Test
  void succeedsOnThirdAttemptAfterTwoServerErrors() {
    server.stubFor(
        get("/flaky")
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(serverError())
            .willSetStateTo("failed once"));
    server.stubFor(
        get("/flaky")
            .inScenario("flaky")
            .whenScenarioStateIs("failed once")
            .willReturn(serverError())
            .willSetStateTo("failed twice"));
    server.stubFor(
        get("/flaky")
            .inScenario("flaky")
            .whenScenarioStateIs("failed twice")
            .willReturn(okJson("{\"ok\": true}")));

    FetchResult result = fetcher.fetch(uri("/flaky"));

    server.verify(exactly(3), getRequestedFor(urlPathEqualTo("/flaky")));
    assertThat(result).isInstanceOf(Ok.class);
    assertThat(result.attempts()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 404})
  void doesNotRetryClientErrors(int status) {
    server.stubFor(get("/wrong").willReturn(aResponse().withStatus(status)));

    FetchResult result = fetcher.fetch(uri("/wrong"));

    server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/wrong")));
    assertThat(result).isEqualTo(new HttpFailure(status, 1));
  }

  @Test
  void invalidJsonOnOkIsItsOwnOutcomeAndNotRetried() {
    server.stubFor(get("/html").willReturn(aResponse().withStatus(200).withBody("<html>oops")));

    FetchResult result = fetcher.fetch(uri("/html"));

    server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/html")));
    assertThat(result).isInstanceOf(InvalidJson.class);
    assertThat(result.attempts()).isOne();
  }

  @Test
  void givesUpAsNetworkFailureWhenConnectionIsRefused() throws IOException {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    FetchResult result = fetcher.fetch(URI.create("http://localhost:" + closedPort + "/items"));

    assertThat(result)
        .isInstanceOfSatisfying(
            NetworkFailure.class,
            failure -> {
              assertThat(failure.cause()).isInstanceOf(ConnectException.class);
              assertThat(failure.attempts()).isEqualTo(3);
            });
  }

  @Test
  void logsEachRetryWithAttemptNumberAndHostPathButNotTheQuery() {
    server.stubFor(get(urlPathEqualTo("/busy")).willReturn(serverError()));
    var retries = new ListAppender<ILoggingEvent>();
    var logger = (Logger) LoggerFactory.getLogger(JsonFetcher.class);
    logger.addAppender(retries);
    retries.start();
    try {
      fetcher.fetch(uri("/busy?api_key=s3cr3t"));
    } finally {
      logger.detachAppender(retries);
    }

    String target = "localhost:" + server.getPort() + "/busy";
    assertThat(retries.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .satisfiesExactly(
            first -> assertThat(first).contains(target, "attempt 1 of 3"),
            second -> assertThat(second).contains(target, "attempt 2 of 3"))
        .noneMatch(line -> line.contains("s3cr3t"));
  }

  @Test
  void loggableTargetDropsUserInfoAndQuery() {
    assertThat(JsonFetcher.loggable(URI.create("https://bob:pw@api.example.com:8443/v1/x?key=k")))
        .isEqualTo("api.example.com:8443/v1/x");
  }

  private static URI uri(String pathAndQuery) {
    return URI.create(server.baseUrl() + pathAndQuery);
  }
}
