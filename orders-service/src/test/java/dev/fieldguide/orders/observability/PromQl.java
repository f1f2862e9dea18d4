package dev.fieldguide.orders.observability;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the metric names a PromQL expression reads, so alerts and dashboards can be checked
 * against a real scrape without a PromQL parser.
 *
 * <p>The rule: remove what cannot be a metric name — string literals, comments, Grafana
 * variables ({@code $role}, {@code ${instance}}), label matchers ({@code {...}}), range and
 * subquery brackets ({@code [5m]}) and the label lists after {@code by}, {@code without},
 * {@code on}, {@code ignoring}, {@code group_left} and {@code group_right}. Every identifier left
 * that does not follow a digit, a dot or a colon (so {@code 30m} and {@code 1e3} are numbers) and
 * is not a PromQL function, aggregation or keyword is a metric name, bare or before {@code {}} or
 * {@code []}. Names with a colon are recording rules.
 */
final class PromQl {

  private static final Pattern STRINGS = Pattern
      .compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
  private static final Pattern COMMENTS = Pattern.compile("#[^\\n]*");
  private static final Pattern GRAFANA_VARIABLES = Pattern
      .compile("\\$\\{[^}]*\\}|\\$\\w+|\\[\\[\\w+\\]\\]");
  private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*\\}");
  private static final Pattern BRACKETS = Pattern.compile("\\[[^\\]]*\\]");
  private static final Pattern LABEL_LISTS = Pattern.compile(
      "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.$])[a-zA-Z_:][\\w:]*");

  /** PromQL's functions, aggregations and keywords (Prometheus 3.x, lower case). */
  private static final Set<String> RESERVED = Set.of(
      // aggregation operators
      "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values",
      "bottomk", "topk", "quantile", "limitk", "limit_ratio",
      // keywords and binary set operators
      "by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool", "and",
      "or", "unless", "atan2", "inf", "nan", "start", "end", "step",
      // functions
      "abs", "absent", "absent_over_time", "acos", "acosh", "asin", "asinh", "atan", "atanh",
      "avg_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min", "cos", "cosh",
      "count_over_time", "day_of_month", "day_of_week", "day_of_year", "days_in_month", "deg",
      "delta", "deriv", "double_exponential_smoothing", "exp", "floor", "histogram_avg",
      "histogram_count", "histogram_fraction", "histogram_quantile", "histogram_stddev",
      "histogram_stdvar", "histogram_sum", "holt_winters", "hour", "idelta", "increase",
      "info", "irate", "label_join", "label_replace", "last_over_time", "ln", "log10", "log2",
      "mad_over_time", "max_over_time", "min_over_time", "minute", "month", "pi",
      "predict_linear", "present_over_time", "quantile_over_time", "rad", "rate", "resets",
      "round", "scalar", "sgn", "sin", "sinh", "sort", "sort_by_label", "sort_by_label_desc",
      "sort_desc", "sqrt", "stddev_over_time", "stdvar_over_time", "sum_over_time", "tan",
      "tanh", "time", "timestamp", "vector", "year");

  private PromQl() {}

  /** The metric (and recording rule) names {@code expression} reads, sorted. */
  static Set<String> metricNames(String expression) {
    String text = STRINGS.matcher(expression).replaceAll("\"\"");
    text = COMMENTS.matcher(text).replaceAll(" ");
    text = GRAFANA_VARIABLES.matcher(text).replaceAll(" ");
    text = LABEL_MATCHERS.matcher(text).replaceAll(" ");
    text = BRACKETS.matcher(text).replaceAll(" ");
    text = LABEL_LISTS.matcher(text).replaceAll("$1");
    Set<String> names = new TreeSet<>();
    Matcher identifier = IDENTIFIER.matcher(text);
    while (identifier.find()) {
      String name = identifier.group();
      if (!RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
        names.add(name);
      }
    }
    return names;
  }

  /** Whether {@code name} is a recording rule's (level:metric:operation), not a scraped one. */
  static boolean isRecorded(String name) {
    return name.contains(":");
  }
}
