package dev.fieldguide.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the docs are, and the rows of docs/TOPICS.md as the lab page reads them, for the tests
 * that hold the docs to the code.
 */
final class TopicIndex {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path DOCS = ROOT.resolve("docs");
  private static final Path TOPICS = DOCS.resolve("TOPICS.md");

  private TopicIndex() {}

  /** README.md and every Markdown file under docs/. */
  static List<Path> markdownDocs() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.walk(DOCS)) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  static List<Row> rows() throws IOException {
    return TopicTable.parse(Files.readAllLines(TOPICS)).stream()
        .flatMap(section -> section.topics().stream())
        .map(topic -> new Row(topic.code(), topic.cells())).toList();
  }

  /** A topic row: its code and the cells after it (question, answer, status, code, test, lab). */
  record Row(String code, List<String> cells) {

    boolean done() {
      return cells.size() > 2 && cells.get(2).equals("done");
    }
  }
}
