package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.lab.TopicIndex.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.walk(DOCS)) {
      files.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
    }
    Set<String> testClasses = testClassNames();

    for (Path doc : docs) {
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

  private static Set<String> testClassNames() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return Set.copyOf(files.filter(p -> p.toString().contains("/src/test/java/"))
          .map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Tests.java"))
          .map(n -> n.substring(0, n.length() - ".java".length())).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
