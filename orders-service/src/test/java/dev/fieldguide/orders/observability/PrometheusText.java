package dev.fieldguide.orders.observability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a scrape in the Prometheus text format into samples a test can pick by label. */
final class PrometheusText {

  private static final Pattern SAMPLE = Pattern
      .compile("^([a-zA-Z_:][\\w:]*)(\\{(.*)\\})? (\\S+)( .*)?$");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private PrometheusText() {}

  /** One line of the Prometheus text format: a series name, its labels and its value. */
  record Sample(String name, Map<String, String> labels, double value) {}

  static List<Sample> parse(String exposition) {
    List<Sample> samples = new ArrayList<>();
    for (String line : exposition.lines().toList()) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("#") || !sample.matches()) {
        continue;
      }
      Map<String, String> labels = new HashMap<>();
      if (sample.group(3) != null) {
        Matcher label = LABEL.matcher(sample.group(3));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(sample.group(1), labels, number(sample.group(4))));
    }
    return samples;
  }

  /** The sum of the samples of {@code name} whose labels include these; 0 when there are none. */
  static double value(List<Sample> samples, String name, String... labels) {
    Map<String, String> wanted = new HashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    return samples.stream().filter(s -> s.name().equals(name)
        && s.labels().entrySet().containsAll(wanted.entrySet())).mapToDouble(Sample::value).sum();
  }

  private static double number(String value) {
    return switch (value) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(value);
    };
  }
}
