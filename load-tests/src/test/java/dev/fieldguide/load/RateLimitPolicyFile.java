package dev.fieldguide.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate-limit policy as this checkout configures it: {@code fieldguide.rate-limit.policies.<name>}
 * in the service's {@code application.yaml}, else in the lab's {@code lab.properties}. The
 * running service states the capacity and window of the policy it applied in each response's
 * {@code RateLimit-Policy} header; {@link #matches} compares the two, so a service started with
 * other settings is caught instead of measured against the wrong policy.
 */
record RateLimitPolicyFile(String name, long capacity, double refillPerSecond) {

  private static final Path FILE = Path.of("orders-service", "src", "main", "resources",
      "application.yaml");
  private static final Path LAB_FILE = Path.of("orders-lab", "src", "main", "resources",
      "lab.properties");
  private static final Pattern HEADER = Pattern.compile("\"([^\"]+)\";q=(\\d+);w=(\\d+)");

  /** The policy {@code name} from the checkout's application.yaml or lab.properties. */
  static RateLimitPolicyFile read(String name) {
    return fromYaml(name).or(() -> fromProperties(name))
        .orElseThrow(() -> new IllegalStateException(
            "No rate-limit policy '" + name + "' in " + FILE + " or " + LAB_FILE));
  }

  private static Optional<RateLimitPolicyFile> fromProperties(String name) {
    String prefix = "fieldguide.rate-limit.policies." + name + ".";
    List<String> lines = lines(LAB_FILE);
    Optional<String> capacity = property(lines, prefix + "capacity");
    Optional<String> refill = property(lines, prefix + "refill-per-second");
    return capacity.isEmpty() || refill.isEmpty()
        ? Optional.empty()
        : Optional.of(new RateLimitPolicyFile(name, Long.parseLong(capacity.get()),
            Double.parseDouble(refill.get())));
  }

  private static Optional<String> property(List<String> lines, String key) {
    return lines.stream().filter(line -> line.startsWith(key + "="))
        .map(line -> line.substring(key.length() + 1).trim()).findFirst();
  }

  private static Optional<RateLimitPolicyFile> fromYaml(String name) {
    List<String> lines = lines(FILE);
    int start = -1;
    for (int i = 0; i < lines.size() && start < 0; i++) {
      if (lines.get(i).trim().equals("policies:")) {
        start = i;
      }
    }
    int at = start < 0 ? -1 : indexOf(lines, start, name + ":");
    return at < 0
        ? Optional.empty()
        : Optional.of(new RateLimitPolicyFile(name, Long.parseLong(value(lines, at, "capacity")),
            Double.parseDouble(value(lines, at, "refill-per-second"))));
  }

  /** At most this many requests can be allowed in {@code seconds} from a full bucket. */
  double allowedWithin(double seconds) {
    return capacity + refillPerSecond * seconds;
  }

  /** Whether a {@code RateLimit-Policy} header states this policy ({@code "api";q=500;w=2}). */
  boolean matches(String header) {
    Matcher stated = HEADER.matcher(header);
    return stated.find() && stated.group(1).equals(name)
        && Long.parseLong(stated.group(2)) == capacity
        && Long.parseLong(stated.group(3)) == (long) Math.ceil(capacity / refillPerSecond);
  }

  private static int indexOf(List<String> lines, int from, String trimmed) {
    for (int i = from + 1; i < lines.size(); i++) {
      if (lines.get(i).trim().equals(trimmed)) {
        return i;
      }
    }
    return -1;
  }

  /** The first {@code key: value} of the block that starts at line {@code at}. */
  private static String value(List<String> lines, int at, String key) {
    Pattern entry = Pattern.compile("^\\s+" + Pattern.quote(key) + ":\\s*([0-9.]+)\\s*(#.*)?$");
    int indent = indent(lines.get(at));
    for (int i = at + 1; i < lines.size() && indent(lines.get(i)) > indent; i++) {
      Matcher matched = entry.matcher(lines.get(i));
      if (matched.matches()) {
        return matched.group(1);
      }
    }
    throw new IllegalStateException("No " + key + " under line " + (at + 1) + " of " + FILE);
  }

  private static int indent(String line) {
    return line.length() - line.stripLeading().length();
  }

  /** A file, found from the working directory upwards (Gatling runs in {@code load-tests}). */
  private static List<String> lines(Path relative) {
    Path dir = Path.of("").toAbsolutePath();
    Optional<Path> file = Optional.empty();
    while (dir != null && file.isEmpty()) {
      file = Optional.of(dir.resolve(relative)).filter(Files::isRegularFile);
      dir = dir.getParent();
    }
    try {
      return Files.readAllLines(file.orElseThrow(() -> new IllegalStateException(
          "No " + relative + " above " + Path.of("").toAbsolutePath())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
