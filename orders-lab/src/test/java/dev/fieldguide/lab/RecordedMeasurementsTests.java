package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A figure a doc shows as a lab's output is that output, never typed by hand (issue 23): every
 * lab transcript in the docs is the include of a recording in docs/measured/, equal to it byte
 * for byte ({@code scripts/record-labs.sh} writes the recordings, {@code scripts/measured.py}
 * copies them into the docs; {@code scripts/record.sh} records any other command, such as the benchmark); every
 * recording is included somewhere and says when, at which commit and on what it was made, and a
 * lab's records a run that passed.
 */
class RecordedMeasurementsTests {

  private static final Path MEASURED = TopicIndex.DOCS.resolve("measured");
  private static final Pattern INCLUDE = Pattern.compile("<!-- measured: (\\S+) -->");
  /** A line only a lab's or a drill's report prints: a verdict or what was measured. */
  private static final Pattern TRANSCRIPT_LINE = Pattern
      .compile("(?m)^\\s*\\[(PASS|FAIL)\\] |^\\s+measured: |^drill: (PASS|FAIL)");
  private static final Pattern PROVENANCE = Pattern.compile(
      "# recorded \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC at \\S+ on \\d+ cores, PostgreSQL \\S+,"
          + " Redis \\S+(, seed [a-z]+=\\d+( [a-z]+=\\d+)*)?");

  /** Every fenced block of the docs, read once for the three checks. */
  private static List<Block> blocks = List.of();

  @BeforeAll
  static void readTheDocs() throws IOException {
    blocks = fencedBlocks();
  }

  @Test
  void everyIncludedBlockIsItsRecordingVerbatim() throws IOException {
    List<String> differing = new ArrayList<>();
    for (Block block : blocks) {
      if (block.recording() != null) {
        Path recording = MEASURED.resolve(block.recording());
        if (!Files.isRegularFile(recording)
            || !Files.readString(recording).equals(block.text())) {
          differing.add(block.where() + " (" + block.recording() + ")");
        }
      }
    }
    assertThat(differing)
        .as("included blocks that are not their recording: run scripts/measured.py").isEmpty();
  }

  @Test
  void labTranscriptsInTheDocsAreIncludedRecordings() {
    assertThat(blocks).filteredOn(block -> block.recording() == null)
        .filteredOn(block -> TRANSCRIPT_LINE.matcher(block.text()).find())
        .extracting(Block::where)
        .as("lab or drill output typed into a doc: record it (scripts/record-labs.sh,"
            + " scripts/record.sh) and include it")
        .isEmpty();
  }

  @Test
  void everyRecordingIsIncludedAndSaysWhereItRanAndALabsPassed() throws IOException {
    Set<String> included = blocks.stream().map(Block::recording)
        .filter(recording -> recording != null).collect(Collectors.toSet());
    List<Path> recordings;
    try (Stream<Path> files = Files.list(MEASURED)) {
      recordings = files.sorted().toList();
    }

    assertThat(recordings).isNotEmpty().allSatisfy(recording -> {
      List<String> lines = Files.readAllLines(recording);
      assertThat(included).as("docs including it").contains(recording.getFileName().toString());
      assertThat(lines.getFirst()).as(recording + ": first line").matches(PROVENANCE);
      if (recording.getFileName().toString().startsWith("lab-")) {
        assertThat(lines.getLast()).as(recording + ": last line").startsWith("result: PASS");
      }
    });
  }

  /** A fenced block of a doc and the recording its marker line includes, if it has one. */
  private record Block(String where, @Nullable String recording, String text) {}

  private static List<Block> fencedBlocks() throws IOException {
    List<Block> blocks = new ArrayList<>();
    for (Path doc : TopicIndex.markdownDocs()) {
      List<String> lines = Files.readAllLines(doc);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).startsWith("```")) {
          continue;
        }
        int opening = i;
        StringBuilder text = new StringBuilder();
        while (++i < lines.size() && !lines.get(i).startsWith("```")) {
          text.append(lines.get(i)).append('\n');
        }
        Matcher marker = INCLUDE.matcher(opening > 0 ? lines.get(opening - 1) : "");
        blocks.add(new Block(TopicIndex.ROOT.relativize(doc) + ":" + (opening + 1),
            marker.matches() ? marker.group(1) : null, text.toString()));
      }
    }
    return blocks;
  }
}
