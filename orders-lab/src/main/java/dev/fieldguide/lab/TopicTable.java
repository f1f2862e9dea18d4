package dev.fieldguide.lab;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * docs/TOPICS.md read as data: its sections, each topic's question and Java answer, the links to
 * its code, tests and docs (as paths from the repository's root), and its lab. The lab page and
 * the documentation tests read the same file, so the page cannot tell a different story.
 */
final class TopicTable {

  private static final Pattern SECTION = Pattern.compile("^## (P|D|C|PG|R|O|T|A) — (.+)$");
  private static final Pattern ROW = Pattern.compile("^\\| (P|D|C|PG|R|O|T|A)(\\d+) \\|(.*)$");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");
  /** In a "Topic docs:" line, the codes in brackets after the links they belong to. */
  private static final Pattern DOC_OR_CODES = Pattern
      .compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)|\\(((?:[A-Z]+\\d+)(?:, [A-Z]+\\d+)*)\\)");
  private static final Pattern LAB = Pattern.compile("`\\./lab (\\S+)`");
  private static final URI DOCS = URI.create("docs/");

  private TopicTable() {}

  /** A seed section (P, D, C, PG, R, O, T, A) and its topics, in the file's order. */
  record Section(String code, String title, List<Topic> topics) {}

  /**
   * One row. {@code question} and {@code answer} keep their backticks and drop link syntax;
   * {@code lab} is the lab to run, {@code command} what else the row says to run (a test or a
   * benchmark); {@code cells} are the row's raw cells after its code, for the documentation tests.
   */
  record Topic(String code, String question, String answer, String status, List<Link> sources,
      List<Link> tests, List<Link> docs, @Nullable String lab, String command,
      @JsonIgnore List<String> cells) {}

  /** A link as the page shows it: its text and its path from the repository's root. */
  record Link(String text, String path) {}

  static List<Section> parse(List<String> lines) {
    Map<String, Set<Link>> docsByCode = docsByCode(lines);
    List<Section> sections = new ArrayList<>();
    String sectionCode = "";
    String sectionTitle = "";
    List<Topic> topics = new ArrayList<>();
    for (String line : lines) {
      Matcher section = SECTION.matcher(line);
      Matcher row = ROW.matcher(line);
      if (section.matches()) {
        if (!topics.isEmpty()) {
          sections.add(new Section(sectionCode, sectionTitle, List.copyOf(topics)));
          topics.clear();
        }
        sectionCode = section.group(1);
        sectionTitle = section.group(2);
      } else if (row.matches()) {
        String code = row.group(1) + row.group(2);
        List<String> cells = Stream.of(row.group(3).split("\\|")).map(String::strip)
            .filter(cell -> !cell.isEmpty()).toList();
        topics.add(topic(code, cells, docsByCode.getOrDefault(code, Set.of())));
      }
    }
    if (!topics.isEmpty()) {
      sections.add(new Section(sectionCode, sectionTitle, List.copyOf(topics)));
    }
    return List.copyOf(sections);
  }

  private static Topic topic(String code, List<String> cells, Set<Link> topicDocs) {
    String question = cell(cells, 0);
    String answer = cell(cells, 1);
    String labCell = cell(cells, 5);
    Set<Link> docs = new LinkedHashSet<>();
    Stream.of(answer, labCell).flatMap(text -> links(text).stream())
        .filter(link -> link.path().endsWith(".md")).forEach(docs::add);
    docs.addAll(topicDocs);
    Matcher lab = LAB.matcher(labCell);
    return new Topic(code, plain(question), plain(answer), cell(cells, 2), links(cell(cells, 3)),
        links(cell(cells, 4)), List.copyOf(docs), lab.find() ? lab.group(1) : null,
        lab.find(0) || !labCell.startsWith("`") ? "" : plain(labCell), cells);
  }

  /** Each "Topic docs:" line names docs, then in brackets the topics they belong to. */
  private static Map<String, Set<Link>> docsByCode(List<String> lines) {
    Map<String, Set<Link>> docs = new LinkedHashMap<>();
    for (String line : lines) {
      if (!line.startsWith("Topic docs:")) {
        continue;
      }
      List<Link> pending = new ArrayList<>();
      Matcher part = DOC_OR_CODES.matcher(line);
      while (part.find()) {
        if (part.group(1) != null) {
          pending.add(link(part.group(1), part.group(2)));
        } else {
          for (String code : Pattern.compile(", ").splitAsStream(part.group(3)).toList()) {
            docs.computeIfAbsent(code, key -> new LinkedHashSet<>()).addAll(pending);
          }
          pending.clear();
        }
      }
    }
    return docs;
  }

  private static List<Link> links(String cell) {
    List<Link> links = new ArrayList<>();
    Matcher link = LINK.matcher(cell);
    while (link.find()) {
      links.add(link(link.group(1), link.group(2)));
    }
    return List.copyOf(links);
  }

  /** TOPICS.md links from docs/; the page shows paths from the repository's root. */
  private static Link link(String text, String target) {
    return new Link(text, DOCS.resolve(target).normalize().toString());
  }

  /** Markdown links reduced to their text; backticks stay, for the page to set as code. */
  private static String plain(String markdown) {
    return LINK.matcher(markdown).replaceAll("$1");
  }

  private static String cell(List<String> cells, int index) {
    return index < cells.size() ? cells.get(index) : "";
  }
}
