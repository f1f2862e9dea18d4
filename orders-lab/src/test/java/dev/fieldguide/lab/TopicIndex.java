package dev.fieldguide.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The rows of docs/TOPICS.md, read once for the tests that hold the topic index to the code. */
final class TopicIndex {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path DOCS = ROOT.resolve("docs");
  private static final Path TOPICS = DOCS.resolve("TOPICS.md");
  private static final Pattern ROW = Pattern.compile("^\\| (P|D|C|PG|R|O|T|A)(\\d+) \\|(.*)$");

  private TopicIndex() {}

  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(TOPICS)) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        List<String> cells = Stream.of(row.group(3).split("\\|")).map(String::strip)
            .filter(c -> !c.isEmpty()).toList();
        rows.add(new Row(row.group(1) + row.group(2), cells));
      }
    }
    return rows;
  }

  /** A topic row: its code and the cells after it (question, answer, status, code, test, lab). */
  record Row(String code, List<String> cells) {

    boolean done() {
      return cells.size() > 2 && cells.get(2).equals("done");
    }
  }
}
