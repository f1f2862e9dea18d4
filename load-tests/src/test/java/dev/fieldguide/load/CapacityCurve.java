package dev.fieldguide.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Turns the steps of a capacity run ({@code scripts/capacity-curve.sh}: one Gatling run per
 * offered rate) into an SVG, throughput and p50/p99 latency against the offered rate with the
 * saturation point marked, and prints the same figures as a markdown table. Plain Java writing
 * SVG text: no charting dependency.
 *
 * <p>Usage: {@code CapacityCurve <steps.csv> <out.svg>}; each CSV line is
 * {@code offered_rps,requests,failed,p50_ms,p99_ms,throughput_rps}.
 */
public final class CapacityCurve {

  /**
   * Throughput under this share of the offered rate, relative to the first step's share: the
   * service no longer keeps up. Relative, because Gatling's mean throughput divides by the run's
   * whole span, which also holds the ramp-down and the invariant checks: a fixed shortfall at
   * every step, which is not saturation.
   */
  private static final double KEEPS_UP = 0.9;
  /** A p99 this many times the first step's: latency has blown up. */
  private static final double P99_BLOWUP = 10;
  private static final double MAX_FAILED = 0.01;
  private static final int WIDTH = 720;
  private static final int HEIGHT = 420;
  private static final int LEFT = 70;
  private static final int RIGHT = 70;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;

  /** One step's figures. */
  record Step(double offered, long requests, long failed, double p50, double p99,
      double throughput) {

    static Step parse(String line) {
      List<String> f = List.of(line.trim().split(",", -1));
      return new Step(Double.parseDouble(f.get(0)), Long.parseLong(f.get(1)),
          Long.parseLong(f.get(2)), Double.parseDouble(f.get(3)), Double.parseDouble(f.get(4)),
          Double.parseDouble(f.get(5)));
    }

    double failedShare() {
      return requests == 0 ? 1 : (double) failed / requests;
    }
  }

  private CapacityCurve() {}

  public static void main(String[] args) throws IOException {
    List<Step> steps = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank())
        .map(Step::parse).toList();
    int saturated = saturation(steps);
    Path out = Path.of(args[1]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, svg(steps, saturated));
    System.out.print(table(steps, saturated));
    System.out.println(saturated < 0
        ? "no saturation within the steps run"
        : "saturation at step " + (saturated + 1) + ": " + fmt(steps.get(saturated).offered())
            + " req/s offered");
  }

  /** The first step whose throughput stops following the offered rate, or p99/errors blow up. */
  static int saturation(List<Step> steps) {
    double firstShare = steps.getFirst().throughput() / steps.getFirst().offered();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (step.throughput() < KEEPS_UP * firstShare * step.offered()
          || step.failedShare() > MAX_FAILED
          || step.p99() > P99_BLOWUP * Math.max(1, steps.getFirst().p99())) {
        return i;
      }
    }
    return -1;
  }

  static String table(List<Step> steps, int saturated) {
    var table = new StringBuilder("""
        | step | offered req/s | throughput req/s | p50 ms | p99 ms | failed |
        |---|---|---|---|---|---|
        """);
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      table.append("| %d%s | %s | %s | %s | %s | %d of %d |%n".formatted(i + 1,
          i == saturated ? " (saturated)" : "", fmt(s.offered()), fmt(s.throughput()),
          fmt(s.p50()), fmt(s.p99()), s.failed(), s.requests()));
    }
    return table.toString();
  }

  static String svg(List<Step> steps, int saturated) {
    double maxRate = niceCeiling(steps.stream()
        .mapToDouble(s -> Math.max(s.offered(), s.throughput())).max().orElse(1));
    double maxMs = niceCeiling(steps.stream().mapToDouble(Step::p99).max().orElse(1));
    var svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        .formatted(WIDTH, HEIGHT)
        + "font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" "
        + "fill=\"white\"/>\n");
    svg.append(text(WIDTH / 2.0, 24, "middle", "Capacity: throughput and latency by offered rate",
        "font-size=\"15\""));
    axes(svg, maxRate, maxMs);
    // The offered rate itself: where throughput lies while the service keeps up.
    svg.append(line(x(0, maxRate), y(0, maxRate), x(maxRate, maxRate), y(maxRate, maxRate),
        "#bbb", "stroke-dasharray=\"4 4\""));
    series(svg, steps, maxRate, Step::throughput, maxRate, "#1f77b4");
    series(svg, steps, maxRate, Step::p50, maxMs, "#2ca02c");
    series(svg, steps, maxRate, Step::p99, maxMs, "#d62728");
    if (saturated >= 0) {
      double sx = x(steps.get(saturated).offered(), maxRate);
      svg.append(line(sx, TOP, sx, HEIGHT - BOTTOM, "#ff7f0e", "stroke-width=\"2\""));
      svg.append(text(sx + 4, TOP + 14, "start", "saturation", "fill=\"#ff7f0e\""));
    }
    legend(svg);
    return svg.append("</svg>\n").toString();
  }

  private static void axes(StringBuilder svg, double maxRate, double maxMs) {
    int bottom = HEIGHT - BOTTOM;
    svg.append(line(LEFT, bottom, WIDTH - RIGHT, bottom, "#000", ""));
    svg.append(line(LEFT, TOP, LEFT, bottom, "#000", ""));
    svg.append(line(WIDTH - RIGHT, TOP, WIDTH - RIGHT, bottom, "#000", ""));
    for (int tick = 0; tick <= 4; tick++) {
      double rate = maxRate * tick / 4;
      double ms = maxMs * tick / 4;
      svg.append(text(x(rate, maxRate), bottom + 16, "middle", fmt(rate), ""));
      svg.append(text(LEFT - 6, y(rate, maxRate) + 4, "end", fmt(rate), ""));
      svg.append(text(WIDTH - RIGHT + 6, y(ms, maxMs) + 4, "start", fmt(ms), ""));
    }
    svg.append(text(WIDTH / 2.0, HEIGHT - 20, "middle", "offered rate (req/s)", ""));
    svg.append(text(16, HEIGHT / 2.0, "middle", "throughput (req/s)",
        "transform=\"rotate(-90 16 %.1f)\"".formatted(HEIGHT / 2.0)));
    svg.append(text(WIDTH - 16, HEIGHT / 2.0, "middle", "latency (ms)",
        "transform=\"rotate(90 %.1f %.1f)\"".formatted(WIDTH - 16.0, HEIGHT / 2.0)));
  }

  private static void series(StringBuilder svg, List<Step> steps, double maxRate,
      ToDoubleFunction<Step> value, double max, String colour) {
    var points = new StringBuilder();
    for (Step step : steps) {
      double px = x(step.offered(), maxRate);
      double py = y(value.applyAsDouble(step), max);
      points.append(fmt(px)).append(',').append(fmt(py)).append(' ');
      svg.append("<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"/>\n".formatted(fmt(px), fmt(py),
          colour));
    }
    svg.append("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n"
        .formatted(points.toString().trim(), colour));
  }

  private static void legend(StringBuilder svg) {
    String[][] entries = {{"throughput (left)", "#1f77b4"}, {"p50 (right)", "#2ca02c"},
        {"p99 (right)", "#d62728"}, {"offered (left)", "#bbb"}};
    for (int i = 0; i < entries.length; i++) {
      double lx = LEFT + 10 + i * 150;
      svg.append(line(lx, TOP - 12, lx + 18, TOP - 12, entries[i][1], "stroke-width=\"2\""));
      svg.append(text(lx + 22, TOP - 8, "start", entries[i][0], ""));
    }
  }

  private static double x(double rate, double maxRate) {
    return LEFT + (WIDTH - LEFT - RIGHT) * rate / maxRate;
  }

  private static double y(double value, double max) {
    return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * value / max;
  }

  /** 1, 2 or 5 times a power of ten, at least {@code value}: round axis ends. */
  static double niceCeiling(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-9))));
    for (double m : new double[]{1, 2, 5, 10}) {
      if (m * power >= value) {
        return m * power;
      }
    }
    return 10 * power;
  }

  private static String line(double x1, double y1, double x2, double y2, String colour,
      String extra) {
    return "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" %s/>\n".formatted(fmt(x1),
        fmt(y1), fmt(x2), fmt(y2), colour, extra);
  }

  private static String text(double tx, double ty, String anchor, String content, String extra) {
    return "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" %s>%s</text>\n".formatted(fmt(tx), fmt(ty),
        anchor, extra, content);
  }

  private static String fmt(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
