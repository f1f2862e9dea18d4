package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.lab.TopicIndex.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the docs true (STYLE §11): the topic index lists all 60 seed questions, a row marked done
 * links code and a test that exist, and no doc names a file or test class that is gone. Files
 * only; that a done row's lab exists needs the application ({@link TopicLabsIntegrationTests}).
 */
class DocumentationIntegrityTests {

  private static final Path ROOT = TopicIndex.ROOT;
  private static final Path DOCS = TopicIndex.DOCS;
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
  private static final Pattern TEST_CLASS = Pattern.compile("`(\\w+Tests)(#\\w+)?`");
  /** A backticked Java name with its package, from the package's last segments: `web.Problems`. */
  private static final Pattern QUALIFIED_CLASS = Pattern
      .compile("`((?:[a-z][a-z0-9]*\\.)+)([A-Z]\\w*)(?:[#.][a-z]\\w*(?:\\(\\))?)?`");
  private static final Pattern SEE = Pattern
      .compile("@see\\s+((?:[a-z][a-z0-9]*\\.)+[A-Z][\\w.]*)");
  /** Work a doc says is not there yet: allowed only for an issue a topic row plans. */
  private static final Pattern PROMISE = Pattern
      .compile("(?i)still to come|not (?:done|delivered) yet|issue #(\\d+)|\\(#(\\d+)\\)");
  private static final Pattern SLASH = Pattern.compile("/");
  private static final Pattern PROTO_PACKAGE = Pattern
      .compile("option java_package = \"([\\w.]+)\";");
  private static final Pattern PROTO_TYPE = Pattern.compile("(?m)^(message|service|enum) (\\w+)");
  private static final Pattern DOT = Pattern.compile("\\.");
  private static final Pattern PLANNED = Pattern.compile("planned \\(#(\\d+)\\)");

  @Test
  void topicIndexListsEverySeedQuestionOnce() throws IOException {
    List<String> codes = TopicIndex.rows().stream().map(Row::code).toList();

    List<String> expected = Stream.of(area("P", 10), area("D", 10), area("C", 10), area("PG", 10),
        area("R", 5), area("O", 5), area("T", 5), area("A", 5)).flatMap(List::stream).toList();
    assertThat(codes).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyDoneRowLinksCodeAndATestThatExist() throws IOException {
    List<Row> done = TopicIndex.rows().stream().filter(Row::done).toList();
    assertThat(done).as("rows marked done").isNotEmpty();

    for (Row row : done) {
      assertThat(row.cells()).as(row.code() + " has 6 cells after the code").hasSize(6);
      String code = row.cells().get(3);
      String test = row.cells().get(4);
      assertThat(allLinks(code)).as(row.code() + " code link").isNotEmpty()
          .allSatisfy(target -> assertThat(DOCS.resolve(target)).exists());
      assertThat(allLinks(test)).as(row.code() + " test link").isNotEmpty()
          .allSatisfy(target -> assertThat(target).contains("/src/test/").endsWith("Tests.java"))
          .allSatisfy(target -> assertThat(DOCS.resolve(target)).exists());
    }
  }

  @Test
  void docsNameOnlyFilesAndTestsThatExist() throws IOException {
    Set<String> testClasses = testClassNames();

    for (Path doc : TopicIndex.markdownDocs()) {
      String text = Files.readString(doc);
      for (String target : allLinks(text)) {
        if (!target.contains("://") && !target.startsWith("mailto:")) {
          assertThat(doc.resolveSibling(target)).as("link in " + ROOT.relativize(doc))
              .exists();
        }
      }
      Matcher named = TEST_CLASS.matcher(text);
      while (named.find()) {
        assertThat(testClasses).as("test named in " + ROOT.relativize(doc))
            .contains(named.group(1));
      }
    }
  }

  /**
   * A doc that names a class with its package ({@code web.Problems}, {@code
   * dev.fieldguide.orders.redis.RedisCircuitBreaker}) names one that is in that package: a class
   * renamed or moved fails here. Only the project's own packages are checked (a Python name
   * such as {@code serializers.ModelSerializer} is not one).
   */
  @Test
  void docsNameClassesInThePackagesTheyAreIn() throws IOException {
    List<String> sources = new ArrayList<>(javaSources());
    sources.addAll(protoClasses());
    Set<String> packages = sources.stream()
        .map(path -> path.substring(path.indexOf("/java/") + "/java/".length()))
        .flatMap(SLASH::splitAsStream)
        .filter(segment -> !segment.endsWith(".java")).collect(Collectors.toSet());

    for (Path doc : TopicIndex.markdownDocs()) {
      Matcher named = QUALIFIED_CLASS.matcher(Files.readString(doc));
      while (named.find()) {
        String packagePath = named.group(1).replace('.', '/');
        String firstSegment = packagePath.substring(0, packagePath.indexOf('/'));
        if (packages.contains(firstSegment)) {
          String file = "/" + packagePath + named.group(2) + ".java";
          assertThat(sources).as(named.group() + " in " + ROOT.relativize(doc))
              .anyMatch(source -> source.endsWith(file));
        }
      }
    }
  }

  /** Every {@code @see} with a package names a class that exists: moved tests break none. */
  @Test
  void javadocSeeTargetsExist() throws IOException {
    List<String> sources = javaSources();
    for (String source : sources) {
      Matcher see = SEE.matcher(Files.readString(ROOT.resolve(source)));
      while (see.find()) {
        assertThat(classExists(see.group(1), sources)).as(see.group() + " in " + source).isTrue();
      }
    }
  }

  /**
   * No doc promises work as still to come, or cites an issue, unless a topic row is planned by
   * that issue: delivered work is described as it is, and nothing else is promised.
   */
  @Test
  void docsPromiseNothingButPlannedRows() throws IOException {
    Set<String> planned = new HashSet<>();
    Matcher plannedRow = PLANNED.matcher(Files.readString(DOCS.resolve("TOPICS.md")));
    while (plannedRow.find()) {
      planned.add(plannedRow.group(1));
    }
    for (Path doc : TopicIndex.markdownDocs()) {
      Matcher promise = PROMISE.matcher(Files.readString(doc));
      while (promise.find()) {
        String issue = promise.group(1) != null ? promise.group(1) : promise.group(2);
        assertThat(issue != null && planned.contains(issue))
            .as("'" + promise.group() + "' in " + ROOT.relativize(doc)
                + ": no planned row of TOPICS.md names that issue")
            .isTrue();
      }
    }
  }

  /** {@code a.b.C} or {@code a.b.C.Nested}: a source file a/b/C.java. */
  private static boolean classExists(String qualified, List<String> sources) {
    String[] parts = DOT.split(qualified);
    for (int end = parts.length; end > 0; end--) {
      if (Character.isUpperCase(parts[end - 1].charAt(0))) {
        String file = "/" + String.join("/", Arrays.copyOfRange(parts, 0, end)) + ".java";
        if (sources.stream().anyMatch(source -> source.endsWith(file))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The classes protoc generates from the .proto files (messages, and a {@code <Service>Grpc} per
   * service), as the source paths they would have: they exist only under target/.
   */
  private static List<String> protoClasses() throws IOException {
    List<String> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path proto : files.filter(p -> p.toString().endsWith(".proto")
          && !p.toString().contains("/target/")).toList()) {
        String text = Files.readString(proto);
        Matcher javaPackage = PROTO_PACKAGE.matcher(text);
        if (javaPackage.find()) {
          String directory = javaPackage.group(1).replace('.', '/');
          Matcher declared = PROTO_TYPE.matcher(text);
          while (declared.find()) {
            String suffix = declared.group(1).equals("service") ? "Grpc" : "";
            classes.add("protoc/" + directory + "/" + declared.group(2) + suffix + ".java");
          }
        }
      }
    }
    return classes;
  }

  /** The Java sources of every module, as paths from the repository's root. */
  private static List<String> javaSources() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.map(path -> ROOT.relativize(path).toString())
          .filter(path -> path.endsWith(".java") && path.contains("/java/")
              && path.contains("/src/") && !path.contains("/target/"))
          .toList();
    }
  }

  private static Set<String> testClassNames() throws IOException {
    return javaSources().stream().filter(path -> path.contains("/src/test/java/"))
        .map(path -> Path.of(path).getFileName().toString())
        .filter(name -> name.endsWith("Tests.java"))
        .map(name -> name.substring(0, name.length() - ".java".length()))
        .collect(Collectors.toUnmodifiableSet());
  }

  private static List<String> area(String prefix, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
  }

  private static List<String> allLinks(String text) {
    List<String> targets = new ArrayList<>();
    Matcher link = LINK.matcher(text);
    while (link.find()) {
      targets.add(link.group(1));
    }
    return targets;
  }
}
