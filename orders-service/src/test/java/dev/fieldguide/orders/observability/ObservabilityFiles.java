package dev.fieldguide.orders.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the repository's Prometheus and Grafana files — the alert and recording rules, the
 * promtool cases and the dashboards — into plain values the tests can check.
 */
final class ObservabilityFiles {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path PROMETHEUS = ROOT.resolve("prometheus");
  static final Path ALERTS = PROMETHEUS.resolve("alerts.yml");
  static final Path ALERT_TESTS = PROMETHEUS.resolve("alerts_test.yml");
  static final Path GRAFANA = ROOT.resolve("grafana");
  static final Path DASHBOARDS = GRAFANA.resolve("dashboards");

  /** Grafana's {@code label_values(query, label)}: only the query part is PromQL. */
  private static final Pattern LABEL_VALUES = Pattern
      .compile("^\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*$", Pattern.DOTALL);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ObservabilityFiles() {}

  /** An alerting rule from alerts.yml. */
  record Alert(String name, String expr, Map<?, ?> labels, Map<?, ?> annotations) {}

  /** A recording rule from alerts.yml. */
  record Recording(String name, String expr) {}

  /** A PromQL expression and where it was found, for failure messages. */
  record Expression(String where, String promQl) {}

  static List<Alert> alerts() {
    List<Alert> alerts = new ArrayList<>();
    for (Map<?, ?> rule : rules()) {
      if (rule.containsKey("alert")) {
        alerts.add(new Alert(string(rule.get("alert")), string(rule.get("expr")),
            mapOrEmpty(rule.get("labels")), mapOrEmpty(rule.get("annotations"))));
      }
    }
    return alerts;
  }

  static List<Recording> recordings() {
    return rules().stream().filter(rule -> rule.containsKey("record"))
        .map(rule -> new Recording(string(rule.get("record")), string(rule.get("expr"))))
        .toList();
  }

  static List<Expression> alertExpressions() {
    List<Expression> expressions = new ArrayList<>();
    alerts().forEach(a -> expressions.add(new Expression("alert " + a.name(), a.expr())));
    recordings().forEach(r -> expressions.add(new Expression("record " + r.name(), r.expr())));
    return expressions;
  }

  /** The promtool cases: (alert name, whether at least one alert is expected) per evaluation. */
  static List<Map.Entry<String, Boolean>> alertTestCases() {
    List<Map.Entry<String, Boolean>> cases = new ArrayList<>();
    for (Object test : list(yaml(ALERT_TESTS).get("tests"))) {
      for (Object evaluation : list(map(test).get("alert_rule_test"))) {
        Map<?, ?> check = map(evaluation);
        Object expected = check.get("exp_alerts");
        boolean fires = expected != null && !list(expected).isEmpty();
        cases.add(Map.entry(string(check.get("alertname")), fires));
      }
    }
    return cases;
  }

  static List<Path> dashboardFiles() {
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode dashboard(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every panel, with the panels of collapsed rows. */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  /** Every PromQL expression in the dashboards: panel targets, variables and annotations. */
  static List<Expression> dashboardExpressions() {
    List<Expression> expressions = new ArrayList<>();
    for (Path file : dashboardFiles()) {
      JsonNode dashboard = dashboard(file);
      String name = file.getFileName().toString();
      for (JsonNode panel : panels(dashboard)) {
        for (JsonNode target : panel.path("targets")) {
          expressions.add(new Expression(name + " panel '" + panel.path("title").asString()
              + "'", target.path("expr").asString()));
        }
      }
      for (JsonNode variable : dashboard.path("templating").path("list")) {
        if (variable.path("type").asString().equals("query")) {
          Matcher query = LABEL_VALUES.matcher(variable.path("query").path("query").asString());
          if (query.matches()) {
            expressions.add(new Expression(name + " variable " + variable.path("name")
                .asString(), query.group(1)));
          }
        }
      }
      for (JsonNode annotation : dashboard.path("annotations").path("list")) {
        if (annotation.has("expr")) {
          expressions.add(new Expression(name + " annotation " + annotation.path("name")
              .asString(), annotation.path("expr").asString()));
        }
      }
    }
    return expressions;
  }

  static Map<?, ?> yaml(Path file) {
    try {
      return map(new Yaml().load(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<?, ?> map(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new IllegalArgumentException("not a mapping: " + value);
  }

  static List<Object> list(@Nullable Object value) {
    if (value instanceof List<?> list) {
      return List.copyOf(list);
    }
    throw new IllegalArgumentException("not a list: " + value);
  }

  private static Map<?, ?> mapOrEmpty(@Nullable Object value) {
    return value == null ? Map.of() : map(value);
  }

  static String string(@Nullable Object value) {
    if (value instanceof String string) {
      return string;
    }
    throw new IllegalArgumentException("not a string: " + value);
  }

  private static List<Map<?, ?>> rules() {
    List<Map<?, ?>> rules = new ArrayList<>();
    for (Object group : list(yaml(ALERTS).get("groups"))) {
      list(map(group).get("rules")).forEach(rule -> rules.add(map(rule)));
    }
    return rules;
  }
}
