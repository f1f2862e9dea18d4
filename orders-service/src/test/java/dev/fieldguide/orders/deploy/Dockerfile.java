package dev.fieldguide.orders.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Dockerfile read as Docker reads it: comments dropped, {@code \} continuations joined, and
 * each instruction tagged with its build stage. Enough to check the file without a Docker engine.
 * A here-document is refused: only BuildKit reads them, and the file must build on any builder
 * (podman 4.3's, where CI builds it, has none).
 */
record Dockerfile(List<Instruction> instructions) {

  private static final Pattern HEREDOC = Pattern.compile("<<-?['\"]?(\\w+)['\"]?");

  /** One instruction: its stage (0 for the first FROM), keyword and arguments. */
  record Instruction(int stage, String keyword, String arguments) {}

  static Dockerfile parse(String text) {
    List<Instruction> instructions = new ArrayList<>();
    List<String> lines = text.lines().toList();
    int stage = -1;
    StringBuilder logical = new StringBuilder();
    for (String line : lines) {
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      if (line.endsWith("\\")) {
        logical.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      logical.append(line);
      String instruction = logical.toString().strip();
      logical.setLength(0);
      String[] parts = instruction.split("\\s+", 2);
      String keyword = parts[0].toUpperCase(Locale.ROOT);
      String arguments = parts.length > 1 ? parts[1] : "";
      if (HEREDOC.matcher(arguments).find()) {
        throw new IllegalArgumentException("a here-document, which only BuildKit reads: "
            + instruction + " (put its text in a file of the build context and COPY that)");
      }
      if (keyword.equals("FROM")) {
        stage++;
      }
      instructions.add(new Instruction(stage, keyword, arguments));
    }
    return new Dockerfile(List.copyOf(instructions));
  }

  static Dockerfile ofRepository() {
    return parse(RepositoryFiles.read("Dockerfile"));
  }

  int finalStage() {
    return instructions.getLast().stage();
  }

  List<Instruction> all(int stage, String keyword) {
    return instructions.stream().filter(i -> i.stage() == stage && i.keyword().equals(keyword))
        .toList();
  }

  List<Instruction> all(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
  }

  /** The images FROM names; a FROM naming an earlier stage is not an image. */
  List<String> baseImages() {
    List<String> images = new ArrayList<>();
    List<String> stageNames = new ArrayList<>();
    for (Instruction from : all("FROM")) {
      List<String> words = List.of(from.arguments().split("\\s+")).stream()
          .filter(word -> !word.startsWith("--")).toList();
      if (!stageNames.contains(words.getFirst())) {
        images.add(words.getFirst());
      }
      if (words.size() == 3 && words.get(1).equalsIgnoreCase("AS")) {
        stageNames.add(words.get(2));
      }
    }
    return images;
  }

  /** The stage named by {@code FROM ... AS name}. */
  int stageNamed(String name) {
    return all("FROM").stream().filter(from -> from.arguments().matches("(?i).*\\sAS\\s+" + name))
        .findFirst().orElseThrow(() -> new AssertionError("no stage named " + name)).stage();
  }
}
