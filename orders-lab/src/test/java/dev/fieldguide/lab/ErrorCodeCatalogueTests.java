package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.fieldguide.orders.errors.NotFoundException;
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
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `([A-Z][A-Z0-9_]*)` \\|");

  /** Upper-case literals of the source that are not problem codes, each with its reason. */
  private static final Map<String, String> NOT_CODES = Map.of(
      "ROLE_ANONYMOUS", "a Spring Security authority",
      "TIMED_OUT", "a job run's state",
      "DEADLINE_EXCEEDED", "a gRPC status, as a meter tag",
      "TOO_MANY_REQUESTS", "a GraphQL error classification, beside its code RATE_LIMITED");

  @Test
  void theCatalogueListsEveryCodeOfTheSourceOnceAndNothingElse() throws IOException {
    List<String> rows = rows();
    Set<String> listed = new TreeSet<>(rows);
    Set<String> inSource = codesInSource();
    Set<String> statusNames = Arrays.stream(HttpStatus.values()).map(HttpStatus::name)
        .collect(Collectors.toSet());

    assertThat(rows).as("codes listed twice").doesNotHaveDuplicates();
    assertThat(inSource).as("codes the source returns that the catalogue lacks")
        .allMatch(listed::contains, "listed in docs/error-codes.md");
    assertThat(listed).as("rows that name no code of the source")
        .allMatch(code -> inSource.contains(code) || statusNames.contains(code),
            "a code of the source or an HTTP status's name");
  }

  private static List<String> rows() throws IOException {
    Matcher row = ROW.matcher(Files.readString(CATALOGUE));
    return row.results().map(match -> match.group(1)).toList();
  }

  /** The codes the main sources of the service and the lab spell out, comments left out. */
  private static Set<String> codesInSource() throws IOException {
    Set<String> codes = new HashSet<>();
    for (String module : List.of("orders-service", "orders-lab")) {
      try (Stream<Path> files = Files.walk(TopicIndex.ROOT.resolve(module + "/src/main/java"))) {
        for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String text = Files.readAllLines(source).stream()
              .filter(line -> Stream.of("*", "//", "/*").noneMatch(line.strip()::startsWith))
              .collect(Collectors.joining("\n"));
          CODE_LITERAL.matcher(text).results().map(match -> match.group(1))
              .filter(literal -> !NOT_CODES.containsKey(literal)).forEach(codes::add);
          WORD_CODE.matcher(text).results().map(match -> match.group(1)).forEach(codes::add);
          // The code as the exception itself derives it from the resource's name.
          NOT_FOUND.matcher(text).results()
              .map(match -> new NotFoundException(match.group(1), "").code())
              .forEach(codes::add);
        }
      }
    }
    for (String codeEnum : CODE_ENUMS) {
      Object[] constants = Objects.requireNonNull(enumConstants(codeEnum), codeEnum);
      Arrays.stream(constants).map(constant -> ((Enum<?>) constant).name()).forEach(codes::add);
    }
    return codes;
  }

  private static Object @Nullable [] enumConstants(String className) {
    try {
      return Class.forName(className).getEnumConstants();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(className + " is gone: update CODE_ENUMS", e);
    }
  }
}
