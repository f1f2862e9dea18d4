package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.NotFoundException;
import dev.fieldguide.orders.web.Problems;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * docs/error-codes.md lists every {@code code} the API can return, once: each code the source
 * spells out (a literal; a one-word literal where a problem is written; a constant of an enum
 * whose names are codes; or a {@code NotFoundException}'s resource turned into
 * {@code <RESOURCE>_NOT_FOUND} by its constructor) has its row, and every row is such a code
 * or the name of an HTTP status (the code of a refusal the framework makes, {@code
 * Problems.codeFor}). A code added, renamed or removed in the source fails here until the
 * catalogue says so.
 */
class ErrorCodeCatalogueTests {

  private static final Path CATALOGUE = TopicIndex.DOCS.resolve("error-codes.md");
  private static final Pattern CODE_LITERAL = Pattern
      .compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
  /** A one-word code, such as UNAUTHENTICATED: taken in a statement that writes a problem. */
  private static final Pattern WORD_CODE = Pattern
      .compile("(?i:problem|DomainException)[^;]{0,300}?\"([A-Z]{4,})\"");
  /** Enums whose constants' names are codes (a rule's name is its code). */
  private static final List<String> CODE_ENUMS = List.of("dev.fieldguide.orders.web.TextRule");
  private static final Pattern NOT_FOUND = Pattern.compile("new NotFoundException\\(\"([^\"]+)\"");
  private static final Pattern ROW = Pattern
      .compile("(?m)^\\| `([A-Z][A-Z0-9_]*)` \\| ([^|]+) \\|");
  /** A refusal's status as its statement states it: a domain kind or an HTTP status. */
  private static final Pattern STATUS_IN_STATEMENT = Pattern
      .compile("\\bKind\\.([A-Z_]+)|\\bHttpStatus\\.([A-Z_]+)");

  /** Upper-case literals of the source that are not problem codes, each with its reason. */
  private static final Map<String, String> NOT_CODES = Map.of(
      "ROLE_ANONYMOUS", "a Spring Security authority",
      "TIMED_OUT", "a job run's state",
      "DEADLINE_EXCEEDED", "a gRPC status, as a meter tag",
      "TOO_MANY_REQUESTS", "a GraphQL error classification, beside its code RATE_LIMITED");

  @Test
  void theCatalogueListsEveryCodeOfTheSourceOnceAndNothingElse() throws IOException {
    List<Row> rows = rows();
    Set<String> listed = rows.stream().map(Row::code).collect(Collectors.toSet());
    Set<String> inSource = codesInSource().keySet();
    Set<String> statusNames = Arrays.stream(HttpStatus.values()).map(HttpStatus::name)
        .collect(Collectors.toSet());

    assertThat(rows.stream().map(Row::code).toList()).as("codes listed twice")
        .doesNotHaveDuplicates();
    assertThat(inSource).as("codes the source returns that the catalogue lacks")
        .allMatch(listed::contains, "listed in docs/error-codes.md");
    assertThat(listed).as("rows that name no code of the source")
        .allMatch(code -> inSource.contains(code) || statusNames.contains(code),
            "a code of the source or an HTTP status's name");
  }

  /**
   * Each row's status is the one the source gives its code: the status of the domain kind
   * ({@link Problems#statusOf}) or the {@code HttpStatus} named in the statement that returns
   * the code; for a code named after a status ({@link Problems#codeFor}), that status; and for
   * each bad request the errors lab sends ({@link BadRequests}), the status it answered with when
   * {@code ErrorsLabIntegrationTests} sent it. A code whose status none of these states (it is
   * set on a problem built elsewhere) is listed below, so that a new one is a decision.
   */
  @Test
  void eachRowGivesTheStatusTheSourceReturnsItsCodeWith() throws IOException {
    Map<String, Set<Integer>> inSource = codesInSource();
    Set<String> misstated = new TreeSet<>();
    Set<String> underived = new TreeSet<>();
    for (Row row : rows()) {
      Set<Integer> derived = new TreeSet<>(inSource.getOrDefault(row.code(), Set.of()));
      statusNamed(row.code()).ifPresent(derived::add);
      BadRequests.ALL.stream().filter(sent -> sent.code().equals(row.code()))
          .forEach(sent -> derived.add(sent.status()));
      if (derived.isEmpty()) {
        underived.add(row.code());
      }
      derived.stream()
          .filter(status -> !Pattern.compile("\\b" + status + "\\b").matcher(row.status()).find())
          .forEach(status -> misstated.add(row.code() + ": the source answers " + status
              + ", the row says " + row.status()));
    }

    assertThat(misstated).as("rows whose status column lacks a status the source returns")
        .isEmpty();
    assertThat(underived).as("codes whose status the source states nowhere near them")
        .isEqualTo(UNDERIVED);
  }

  /** Codes set on a problem whose status was chosen elsewhere, with where it is chosen. */
  private static final Set<String> UNDERIVED = Set.of(
      "MISSING_PARAMETER", // Spring MVC's own 400 for the exception, ApiExceptionHandler
      "RATE_LIMITED", // its problem is built with 429 a statement before, RateLimitFilter
      "TOO_MANY_ROOT_FIELDS"); // a GraphQL error (HTTP 200), classification BAD_REQUEST

  private static Optional<Integer> statusNamed(String code) {
    return Arrays.stream(HttpStatus.values()).filter(status -> status.name().equals(code))
        .map(HttpStatus::value).findFirst();
  }

  private record Row(String code, String status) {}

  private static List<Row> rows() throws IOException {
    Matcher row = ROW.matcher(Files.readString(CATALOGUE));
    return row.results().map(match -> new Row(match.group(1), match.group(2))).toList();
  }

  /**
   * The codes the main sources of the service and the lab spell out, comments left out, each with
   * the statuses the statements that return it state.
   */
  private static Map<String, Set<Integer>> codesInSource() throws IOException {
    Map<String, Set<Integer>> codes = new HashMap<>();
    for (String module : List.of("orders-service", "orders-lab")) {
      try (Stream<Path> files = Files.walk(TopicIndex.ROOT.resolve(module + "/src/main/java"))) {
        for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String text = Files.readAllLines(source).stream()
              .filter(line -> Stream.of("*", "//", "/*").noneMatch(line.strip()::startsWith))
              .collect(Collectors.joining("\n"));
          CODE_LITERAL.matcher(text).results()
              .filter(match -> !NOT_CODES.containsKey(match.group(1)))
              .forEach(match -> add(codes, match.group(1), statusesAround(text, match.start())));
          WORD_CODE.matcher(text).results()
              .forEach(match -> add(codes, match.group(1), statusesAround(text, match.start(1))));
          // The code as the exception itself derives it from the resource's name.
          NOT_FOUND.matcher(text).results()
              .map(match -> new NotFoundException(match.group(1), ""))
              .forEach(refusal -> add(codes, refusal.code(),
                  Set.of(Problems.statusOf(refusal.kind()).value())));
        }
      }
    }
    for (String codeEnum : CODE_ENUMS) {
      Object[] constants = Objects.requireNonNull(enumConstants(codeEnum), codeEnum);
      Arrays.stream(constants)
          .forEach(constant -> add(codes, ((Enum<?>) constant).name(), Set.of()));
    }
    return codes;
  }

  private static void add(Map<String, Set<Integer>> codes, String code, Set<Integer> statuses) {
    codes.computeIfAbsent(code, key -> new TreeSet<>()).addAll(statuses);
  }

  /** The statuses stated in the statement around {@code at}: from its start to its semicolon. */
  private static Set<Integer> statusesAround(String text, int at) {
    int start = Math.max(text.lastIndexOf(';', at), Math.max(text.lastIndexOf('{', at),
        text.lastIndexOf('}', at))) + 1;
    int end = text.indexOf(';', at);
    Matcher stated = STATUS_IN_STATEMENT.matcher(text.substring(start, end < 0 ? at : end));
    Set<Integer> statuses = new TreeSet<>();
    while (stated.find()) {
      statuses.add(stated.group(1) != null
          ? Problems.statusOf(DomainException.Kind.valueOf(stated.group(1))).value()
          : HttpStatus.valueOf(stated.group(2)).value());
    }
    return statuses;
  }

  private static Object @Nullable [] enumConstants(String className) {
    try {
      return Class.forName(className).getEnumConstants();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(className + " is gone: update CODE_ENUMS", e);
    }
  }
}
