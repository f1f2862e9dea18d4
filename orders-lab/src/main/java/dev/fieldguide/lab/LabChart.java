package dev.fieldguide.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart of what a lab measured, drawn by the lab page: the lab says what to plot, next to the
 * measurement, so the page knows no lab's numbers. {@code BARS} has one bar per label of {@code x}
 * for each series; {@code LINES} plots each series against the numbers of {@code x}.
 */
public record LabChart(String title, Kind kind, String xAxis, String yAxis, List<Object> x,
    List<Series> series) {

  /** How the page draws the series. */
  public enum Kind {
    BARS, LINES
  }

  /** One named row of values, one per entry of {@code x}. */
  public record Series(String name, List<Number> values) {}

  public LabChart {
    x = List.copyOf(x);
    series = List.copyOf(series);
    for (Series one : series) {
      if (one.values().size() != x.size()) {
        throw new IllegalArgumentException("series " + one.name() + " has "
            + one.values().size() + " values for " + x.size() + " x values");
      }
    }
  }

  /** One bar per entry of {@code bars}, in its order. */
  public static LabChart bars(String title, String yAxis, Map<String, ? extends Number> bars) {
    return new LabChart(title, Kind.BARS, "", yAxis, List.copyOf(bars.keySet()),
        List.of(new Series(yAxis, List.copyOf(bars.values()))));
  }

  /** Each entry of {@code series} plotted against {@code x}, in the map's order. */
  public static LabChart lines(String title, String xAxis, String yAxis, List<? extends Number> x,
      Map<String, List<? extends Number>> series) {
    return new LabChart(title, Kind.LINES, xAxis, yAxis, List.copyOf(x), named(series));
  }

  /** Bars grouped by the labels of {@code x}: one bar per series in each group. */
  public static LabChart groupedBars(String title, String xAxis, String yAxis, List<String> x,
      Map<String, List<? extends Number>> series) {
    return new LabChart(title, Kind.BARS, xAxis, yAxis, List.copyOf(x), named(series));
  }

  private static List<Series> named(Map<String, List<? extends Number>> series) {
    return new LinkedHashMap<>(series).entrySet().stream()
        .map(entry -> new Series(entry.getKey(), List.copyOf(entry.getValue()))).toList();
  }
}
