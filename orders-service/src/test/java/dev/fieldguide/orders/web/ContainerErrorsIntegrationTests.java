package dev.fieldguide.orders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.RawHttp;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat refuses before any filter runs is still an RFC 9457 problem with the security
 * headers and a request id (ProblemReportValve), never Tomcat's HTML page; HTTP/0.9, which can
 * carry neither, is not answered at all (Http09Refusal).
 */
@IntegrationTest
class ContainerErrorsIntegrationTests {

  private static final String HOST = "Host: localhost\r\n";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Value("${local.server.port}")
  int port;

  static Stream<Arguments> malformedRequests() {
    String close = "Connection: close\r\n\r\n";
    return Stream.of(
        Arguments.of("a character not allowed in a path",
            "GET /api/v1/pro{ducts HTTP/1.1\r\n" + HOST + close, 400),
        Arguments.of("an encoded NUL in the path",
            "GET /api/v1/products/%00 HTTP/1.1\r\n" + HOST + close, 400),
        Arguments.of("a method that is not a token",
            "G(T /api/v1/products HTTP/1.1\r\n" + HOST + close, 400),
        Arguments.of("HTTP/1.1 without Host",
            "GET /api/v1/products HTTP/1.1\r\n" + close, 400),
        Arguments.of("a 64 KB header",
            "GET /api/v1/products HTTP/1.1\r\n" + HOST + "X-Big: " + "a".repeat(64 * 1024)
                + "\r\n" + close,
            400),
        Arguments.of("200 headers",
            "GET /api/v1/products HTTP/1.1\r\n" + HOST + "X-H: v\r\n".repeat(200) + close, 400),
        Arguments.of("a Content-Length that is not a number",
            "POST /api/v1/orders HTTP/1.1\r\n" + HOST + "Content-Length: abc\r\n" + close, 400),
        Arguments.of("an unknown transfer coding",
            "POST /api/v1/orders HTTP/1.1\r\n" + HOST + "Transfer-Encoding: gzip\r\n" + close, 501),
        Arguments.of("HTTP/9.9", "GET /api/v1/products HTTP/9.9\r\n" + HOST + close, 505));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedRequests")
  void theContainersRefusalIsAProblemWithTheSecurityHeaders(String what, String request,
      int status) {
    RawHttp.Answer answer = RawHttp.send(port, request);

    assertThat(answer.status()).as(answer.describe()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.header("Content-Security-Policy")).isNotEmpty();
    assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(answer.header("X-Request-ID")).isNotEmpty();
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("code").asString()).isNotBlank();
    assertThat(problem.path("traceId").asString()).isNotBlank();
    assertThat(answer.body()).doesNotContain("<html", "Tomcat");
  }

  @Test
  void anHttp09RequestGetsNoAnswerAtAll() {
    RawHttp.Answer answer = RawHttp.send(port, "GET /api/v1/products\r\n");

    assertThat(answer.statusLine()).isEmpty();
    assertThat(answer.body()).isEmpty();
  }
}
