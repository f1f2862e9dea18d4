package dev.fieldguide.orders.web;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.security.DevTokenIssuer;
import dev.fieldguide.orders.support.RawHttp;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.MappedEndpoint;
import dev.fieldguide.orders.support.SetCookies;
import dev.fieldguide.orders.support.TestData;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import java.net.URLEncoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18: one hostile input of each kind, sent to every endpoint the application maps (read from
 * its own request mappings, plus {@code POST /graphql}), by an admin and by a customer. Every
 * answer is a 4xx problem+json whose {@code status} is the HTTP status and whose {@code code}
 * names the rule that refused it; never a 500, never a lenient parse. A customer may instead get
 * the 403 of an endpoint its role may not call.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputSweepIntegrationTests {

  enum Caller {
    ADMIN, CUSTOMER
  }

  private static final String INVALID_ENCODING = "INVALID_ENCODING";
  private static final String NUL_CHARACTER = "NUL_CHARACTER";
  /** Numbers a lenient parser reads as 16, 10 or 1: hex, Unicode digits, signs, spaces, forms. */
  private static final List<String> NOT_DECIMAL = List.of("0x10", "#10", "\u0661\u0666",
      "\uff11\uff16", "\u0967", "+16", " 16", "16 ", "16.0", "1e1");
  /** A refusal without a rule of its own: any 4xx problem will do. */
  private static final String ANY = "";

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  DevTokenIssuer issuer;

  @Autowired
  JsonMapper json;

  @Autowired
  Environment environment;

  @Autowired
  GraphQlSource graphQl;

  @Autowired
  @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private long product;
  private final Map<Caller, String> tokens = new HashMap<>();
  private String csrf = "";

  @BeforeAll
  void dataAndCallers() {
    product = data.productWithStock(1_000, 10_000);
    tokens.put(Caller.ADMIN, issuer.admin("sweep-admin"));
    tokens.put(Caller.CUSTOMER, issuer.customer(data.customer()));
    csrf = SetCookies.csrfToken(api.anonymous().get("/api/v1/shortlist"));
  }

  Stream<Arguments> queries() {
    return cases(endpoints().stream(), Stream.of(
        hostile("q=%zz", INVALID_ENCODING), hostile("q=%", INVALID_ENCODING),
        hostile("q=%4", INVALID_ENCODING), hostile("q=%C0%AF", INVALID_ENCODING),
        hostile("q=%ED%A0%80", INVALID_ENCODING), hostile("q=%F4%90%80%80", INVALID_ENCODING),
        hostile("limit=%ff", INVALID_ENCODING), hostile("%zz=1", INVALID_ENCODING),
        hostile("q=a%00b", NUL_CHARACTER), hostile("%00=1", NUL_CHARACTER)));
  }

  /** Rule 6 and 7: malformed escapes, bytes that are not UTF-8, and NUL in the query string. */
  @ParameterizedTest(name = "{0} ?{1} as {2}")
  @MethodSource("queries")
  void aQueryStringThatIsNotCleanUtf8TextIsA400(MappedEndpoint endpoint, Hostile query,
      Caller caller) {
    String target = endpoint.target(product, Map.of());
    var answer = send(caller, endpoint, target + (target.contains("?") ? "&" : "?")
        + query.input(), "application/json", "{}".getBytes(UTF_8));

    assertRefused(answer, caller, 400, query.code());
  }

  Stream<Arguments> paths() {
    return cases(endpoints().stream().filter(e -> e.params().stream().anyMatch(p -> p.inPath())),
        Stream.of(hostile("%00", ANY), hostile("a%00b", ANY), hostile("%zz", ANY),
            hostile("%C0%AF", ANY), hostile("%ff", ANY)));
  }

  /**
   * Rules 6 and 7 in a path segment: Tomcat refuses it while parsing the request line, before any
   * filter or controller (so before PostgreSQL) sees it, and {@code ProblemReportValve} answers
   * with the container's generic problem ({@code BAD_REQUEST}), not this rule's code.
   */
  @ParameterizedTest(name = "{0} /{1} as {2}")
  @MethodSource("paths")
  void aPathSegmentThatIsNotCleanUtf8TextIsA400BeforeTheApplication(MappedEndpoint endpoint,
      Hostile segment, Caller caller) {
    String name = endpoint.params().stream().filter(p -> p.inPath()).findFirst().orElseThrow()
        .name();
    var answer = send(caller, endpoint, endpoint.target(product, Map.of(name, segment.input())),
        "application/json", "{}".getBytes(UTF_8));

    assertThat(answer.status()).as(answer.describe()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(answer.body()).as(answer.describe()).contains("\"code\":\"BAD_REQUEST\"")
        .contains("The request is not valid HTTP.");
  }

  Stream<Arguments> bodies() {
    return cases(endpoints().stream().filter(MappedEndpoint::takesBody), Stream.of(
        hostile("{\"sweep\": 1, \"sweep\": 2}", "DUPLICATE_JSON_KEY"),
        hostile("{\"sweep\": {\"inner\": 1, \"inner\": 2}}", "DUPLICATE_JSON_KEY"),
        hostile("{\"sweep\": \"a\\u0000b\"}", NUL_CHARACTER),
        hostile("{\"sweep\": {\"deep\": [\"\\u0000\"]}}", NUL_CHARACTER),
        hostile("{\"a\\u0000b\": 1}", NUL_CHARACTER),
        hostile("{\"sweep\": \"\\ud800\"}", INVALID_ENCODING),
        hostile("{\"sweep\": \"\\udc00x\"}", INVALID_ENCODING),
        hostile("{} []", "MALFORMED_JSON"),
        hostile("{\"sweep\": \"\u00c0\u00af\"}", INVALID_ENCODING),
        hostile("null", ANY), hostile("[]", ANY), hostile("\"text\"", ANY), hostile("0", ANY),
        hostile("[".repeat(5_000), ANY)));
  }

  /** Rules 7 and 13, and a body that is no JSON object at all. */
  @ParameterizedTest(name = "{0} {1} as {2}")
  @MethodSource("bodies")
  void aHostileJsonBodyIsA400(MappedEndpoint endpoint, Hostile body, Caller caller) {
    // "\u00c0\u00af" stands for the two raw bytes C0 AF, an overlong '/' that is not UTF-8.
    byte[] bytes = body.input().contains("\u00c0")
        ? body.input().getBytes(ISO_8859_1)
        : body.input().getBytes(UTF_8);
    var answer = send(caller, endpoint, endpoint.target(product, Map.of()), "application/json",
        bytes);

    assertRefused(answer, caller, 400, body.code());
  }

  Stream<Arguments> mediaTypes() {
    return cases(endpoints().stream().filter(MappedEndpoint::takesBody), Stream.of(
        hostile("*/*", "UNSUPPORTED_MEDIA_TYPE"),
        hostile("application/*", "UNSUPPORTED_MEDIA_TYPE"),
        hostile("*/json", "UNSUPPORTED_MEDIA_TYPE"), hostile("text/json", "UNSUPPORTED_MEDIA_TYPE"),
        hostile("application/vnd.sweep+json", "UNSUPPORTED_MEDIA_TYPE"),
        hostile("application/json; charset=iso-8859-1", "UNSUPPORTED_MEDIA_TYPE"),
        hostile("application/x-www-form-urlencoded", "UNSUPPORTED_MEDIA_TYPE"),
        hostile("multipart/form-data; boundary=sweep", "UNSUPPORTED_MEDIA_TYPE"),
        hostile("text/plain", "UNSUPPORTED_MEDIA_TYPE"),
        hostile(";;;", "UNSUPPORTED_MEDIA_TYPE"),
        hostile("application/json/extra", "UNSUPPORTED_MEDIA_TYPE"),
        hostile("", "UNSUPPORTED_MEDIA_TYPE")));
  }

  /** Rule 8: a body is read only when it says it is {@code application/json}. */
  @ParameterizedTest(name = "{0} Content-Type [{1}] as {2}")
  @MethodSource("mediaTypes")
  void aBodyThatIsNotDeclaredApplicationJsonIsA415(MappedEndpoint endpoint, Hostile mediaType,
      Caller caller) {
    var answer = send(caller, endpoint, endpoint.target(product, Map.of()), mediaType.input(),
        "{}".getBytes(UTF_8));

    assertRefused(answer, caller, 415, mediaType.code());
  }

  Stream<Arguments> numbers() {
    return endpoints().stream().flatMap(endpoint -> endpoint.params().stream()
        .filter(MappedEndpoint.Param::numeric)
        .flatMap(param -> NOT_DECIMAL.stream()
            .map(value -> URLEncoder.encode(value, UTF_8).replace("+", "%20"))
            .flatMap(value -> Stream.of(Caller.values())
                .map(caller -> Arguments.of(endpoint, param.name(), value, caller)))));
  }

  /** Rule 15: a number in the URL is ASCII decimal digits, nothing else. */
  @ParameterizedTest(name = "{0} {1}={2} as {3}")
  @MethodSource("numbers")
  void aNumberInTheUrlIsOnlyAsciiDecimalDigits(MappedEndpoint endpoint, String param,
      String value, Caller caller) {
    var answer = send(caller, endpoint, endpoint.target(product, Map.of(param, value)),
        "application/json", "{}".getBytes(UTF_8));

    assertRefused(answer, caller, 400, "INVALID_PARAMETER");
  }

  Stream<Arguments> dateParameters() {
    return endpoints().stream().flatMap(endpoint -> endpoint.params().stream()
        .filter(MappedEndpoint.Param::date)
        .flatMap(param -> Stream.of("%2B300000-01-01", "0001-01-01")
            .flatMap(value -> Stream.of(Caller.values())
                .map(caller -> Arguments.of(endpoint, param.name(), value, caller)))));
  }

  /** Rule 10: every date the URL carries is bounded, and the refusal names it. */
  @ParameterizedTest(name = "{0} {1}={2} as {3}")
  @MethodSource("dateParameters")
  void aDateParameterOutOfItsRangeIsA400NamingIt(MappedEndpoint endpoint, String param,
      String value, Caller caller) {
    var answer = send(caller, endpoint, endpoint.target(product, Map.of(param, value)),
        "application/json", "{}".getBytes(UTF_8));

    assertRefused(answer, caller, 400, "VALIDATION_FAILED");
    assertNamesField(answer, caller, param);
  }

  Stream<Arguments> coercions() {
    return bodyFieldCases(field -> coercionsInto(field.kind()));
  }

  /** Rule 14: a JSON scalar is never converted into a field of another type. */
  @ParameterizedTest(name = "{0} {1}: {2} as {3}")
  @MethodSource("coercions")
  void aScalarOfTheWrongTypeIsNeverCoerced(MappedEndpoint endpoint, BodyField field,
      String value, Caller caller) {
    var answer = send(caller, endpoint, endpoint.target(product, Map.of()), "application/json",
        field.bodyWith(value).getBytes(UTF_8));

    assertRefused(answer, caller, 400, "INVALID_FIELD_TYPE");
    assertNamesField(answer, caller, field.path());
  }

  Stream<Arguments> dateFields() {
    return bodyFieldCases(field -> field.kind() == BodyField.Kind.TIMESTAMP
        ? Stream.of("\"+300000-01-01T00:00:00Z\"", "\"0001-01-01T00:00:00Z\"")
        : Stream.empty());
  }

  /** Each value {@code valuesFor} gives a field, into each field of each body, as each caller. */
  private Stream<Arguments> bodyFieldCases(Function<BodyField, Stream<String>> valuesFor) {
    return endpoints().stream().filter(MappedEndpoint::takesBody)
        .flatMap(endpoint -> fieldsOf(endpoint).stream()
            .flatMap(field -> valuesFor.apply(field)
                .flatMap(value -> Stream.of(Caller.values())
                    .map(caller -> Arguments.of(endpoint, field, value, caller)))));
  }

  /** Rule 10: every timestamp a body carries is bounded, and the refusal names it. */
  @ParameterizedTest(name = "{0} {1}: {2} as {3}")
  @MethodSource("dateFields")
  void aTimestampFieldOutOfItsRangeIsA400NamingIt(MappedEndpoint endpoint, BodyField field,
      String value, Caller caller) {
    var answer = send(caller, endpoint, endpoint.target(product, Map.of()), "application/json",
        field.bodyWith(value).getBytes(UTF_8));

    assertRefused(answer, caller, 400, "VALIDATION_FAILED");
    assertNamesField(answer, caller, field.path());
  }

  Stream<Arguments> graphQlIds() {
    return graphQl.schema().getQueryType().getFieldDefinitions().stream()
        .flatMap(field -> field.getArguments().stream()
            .filter(argument -> GraphQLTypeUtil
                .unwrapNonNull(argument.getType()) instanceof GraphQLScalarType scalar
                && scalar.getName().equals("ID"))
            .flatMap(argument -> NOT_DECIMAL.stream()
                .flatMap(value -> Stream.of(Caller.values())
                    .map(caller -> Arguments.of(field.getName(), argument.getName(),
                        GraphQLTypeUtil.isNonNull(argument.getType()), value, caller)))));
  }

  /** Rule 15 in GraphQL: every {@code ID} argument of a query field is ASCII decimal digits. */
  @ParameterizedTest(name = "{0}({1}: \"{3}\") as {4}")
  @MethodSource("graphQlIds")
  void aGraphQlIdIsOnlyAsciiDecimalDigits(String field, String argument, boolean required,
      String value, Caller caller) {
    String document = "query($v: ID%s) { %s(%s: $v) { __typename } }"
        .formatted(required ? "!" : "", field, argument);
    var answer = send(caller, new MappedEndpoint("POST", MappedEndpoint.GRAPHQL, null),
        MappedEndpoint.GRAPHQL, "application/json", json.writeValueAsBytes(
            Map.of("query", document, "variables", Map.of("v", value))));

    assertThat(answer.status()).as(answer.describe()).isEqualTo(200);
    JsonNode error = json.readTree(answer.body()).path("errors").path(0);
    assertThat(error.path("extensions").path("code").asString()).as(answer.describe())
        .isEqualTo("INVALID_PARAMETER");
    assertThat(error.path("extensions").path("classification").asString())
        .isEqualTo("BAD_REQUEST");
  }

  private List<MappedEndpoint> endpoints() {
    return MappedEndpoint.all(mappings);
  }

  /** The body's scalar fields; GraphQL's request body is Spring's, with two text fields. */
  private static List<BodyField> fieldsOf(MappedEndpoint endpoint) {
    Class<?> type = endpoint.bodyType();
    return type == null
        ? List.of(new BodyField(List.of("query"), BodyField.Kind.TEXT),
            new BodyField(List.of("operationName"), BodyField.Kind.TEXT))
        : BodyField.of(type);
  }

  private static Stream<String> coercionsInto(BodyField.Kind kind) {
    return switch (kind) {
      case INTEGER -> Stream.of("1.5", "2.0", "1e2", "\"3\"", "true");
      case TEXT -> Stream.of("12", "1.5", "true");
      case BOOLEAN -> Stream.of("1", "\"true\"");
      case TIMESTAMP, DATE -> Stream.of("1700000000", "true");
      case ENUM -> Stream.of("0");
    };
  }

  private RawHttp.Answer send(Caller caller, MappedEndpoint endpoint, String target,
      @Nullable String contentType, byte[] body) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Authorization", "Bearer " + Objects.requireNonNull(tokens.get(caller)));
    headers.put("Accept", "application/json");
    headers.put("Idempotency-Key", UUID.randomUUID().toString());
    headers.put("Cookie", "XSRF-TOKEN=" + csrf);
    headers.put(SetCookies.CSRF_HEADER, csrf);
    if (contentType != null && !contentType.isEmpty()) {
      headers.put("Content-Type", contentType);
    }
    byte[] sent = endpoint.method().equals("GET") || endpoint.method().equals("DELETE")
        ? new byte[0]
        : body;
    return RawHttp.request(environment.getRequiredProperty("local.server.port", Integer.class),
        endpoint.method(), target, headers, sent);
  }

  private void assertRefused(RawHttp.Answer answer, Caller caller, int status, String code) {
    assertThat(answer.status()).as(answer.describe()).isBetween(400, 499);
    assertThat(answer.header("Content-Type")).as(answer.describe())
        .startsWith("application/problem+json");
    JsonNode problem = json.readTree(answer.body());
    assertThat(problem.path("status").asInt()).as(answer.describe()).isEqualTo(answer.status());
    assertThat(problem.path("code").asString()).isNotBlank();
    if (caller == Caller.CUSTOMER && answer.status() == 403) {
      return; // the endpoint is not for customers; refused before the input was read
    }
    assertThat(answer.status()).as(answer.describe()).isEqualTo(status);
    if (!code.isEmpty()) {
      assertThat(problem.path("code").asString()).as(answer.describe()).isEqualTo(code);
    }
  }

  private void assertNamesField(RawHttp.Answer answer, Caller caller, String field) {
    if (caller == Caller.CUSTOMER && answer.status() == 403) {
      return;
    }
    assertThat(json.readTree(answer.body()).path("errors").valueStream()
        .map(error -> error.path("field").asString())).as(answer.describe()).contains(field);
  }

  private static Hostile hostile(String input, String code) {
    return new Hostile(input, code);
  }

  private static Stream<Arguments> cases(Stream<MappedEndpoint> endpoints,
      Stream<Hostile> inputs) {
    List<Hostile> all = inputs.toList();
    return endpoints.flatMap(endpoint -> all.stream().flatMap(input -> Stream.of(Caller.values())
        .map(caller -> Arguments.of(endpoint, input, caller))));
  }

  /** One hostile input, and the code of the rule that must refuse it ({@code ""}: any). */
  record Hostile(String input, String code) {

    @Override
    public String toString() {
      return input.length() > 40 ? input.substring(0, 40) + "…" : input;
    }
  }
}
