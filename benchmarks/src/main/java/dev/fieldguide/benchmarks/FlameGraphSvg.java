package dev.fieldguide.benchmarks;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Draws {@link FlameGraph}'s merged call tree as an SVG flame graph that needs no script: the
 * root at the bottom, callees stacked above their caller, each frame as wide as its samples. A
 * frame is a {@code <g>} holding its tooltip ({@code <title>}), rectangle, label and its callees'
 * groups, so the document nests exactly like the call tree.
 */
final class FlameGraphSvg {

  static final int WIDTH = 1200;
  private static final int MARGIN = 10;
  private static final int ROW = 16;
  private static final int HEADER = 46;
  private static final int FONT_SIZE = 12;
  /** A monospace glyph is about 0.6 em wide: labels are cut to what fits instead of overflowing. */
  private static final double CHAR_WIDTH = 0.61 * FONT_SIZE;
  private static final double MIN_LABEL_WIDTH = 30;
  /** Narrower frames are noise at this size; dropping them also keeps the file small. */
  private static final double MIN_FRAME_WIDTH = WIDTH * 0.001;

  /** A package name's part and its dot, the first letter captured. */
  private static final Pattern PACKAGE_PART = Pattern.compile("([^.])[^.]*\\.");

  private final StringBuilder svg = new StringBuilder();
  private final long total;
  private final double pixelsPerSample;
  private final int height;

  private FlameGraphSvg(FlameGraph.Frame root) {
    total = root.samples();
    pixelsPerSample = (WIDTH - 2.0 * MARGIN) / total;
    height = HEADER + depth(root) * ROW + MARGIN;
  }

  static String render(String title, FlameGraph.Frame root) {
    return new FlameGraphSvg(root).draw(title, root);
  }

  private String draw(String title, FlameGraph.Frame root) {
    svg.append(String.format(Locale.ROOT, """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="%2$d" \
        viewBox="0 0 %1$d %2$d" font-family="monospace" font-size="%3$d">
        <style>rect:hover { stroke: black; }</style>
        <rect width="100%%" height="100%%" fill="white"/>
        <text x="%4$d" y="20" font-size="16">%5$s</text>
        <text x="%4$d" y="38">""", WIDTH, height, FONT_SIZE, MARGIN,
        escape(title + " · " + String.format(Locale.ROOT, "%,d", total) + " samples")));
    for (Kind kind : Kind.values()) {
      svg.append("<tspan fill=\"").append(kind.fill(0)).append("\">■</tspan> ")
          .append(kind.legend).append("  ");
    }
    svg.append("</text>\n");
    frame(root, 0, 0);
    return svg.append("</svg>\n").toString();
  }

  private void frame(FlameGraph.Frame frame, int depth, long samplesBefore) {
    long left = hundredths(samplesBefore);
    long width = hundredths(samplesBefore + frame.samples()) - left;
    int y = height - MARGIN - (depth + 1) * ROW;
    svg.append(String.format(Locale.ROOT, """
        <g><title>%s (%,d samples, %.2f%%)</title>\
        <rect x="%s" y="%d" width="%s" height="%d" fill="%s"/>""", escape(frame.name()),
        frame.samples(), 100.0 * frame.samples() / total, px(left), y, px(width), ROW - 1,
        Kind.of(frame.name()).fill(frame.name().hashCode())));
    String label = label(frame.name(), width / 100.0);
    if (!label.isEmpty()) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%d\">%s</text>", px(left + 300),
          y + ROW - 4, escape(label)));
    }
    svg.append('\n');
    long before = samplesBefore;
    for (FlameGraph.Frame child : frame.children().values()) {
      if (visible(child)) {
        frame(child, depth + 1, before);
      }
      before += child.samples();
    }
    svg.append("</g>\n");
  }

  /** Rows the picture needs: the deepest stack among the frames wide enough to draw. */
  private int depth(FlameGraph.Frame frame) {
    int deepest = 0;
    for (FlameGraph.Frame child : frame.children().values()) {
      if (visible(child)) {
        deepest = Math.max(deepest, depth(child));
      }
    }
    return deepest + 1;
  }

  private boolean visible(FlameGraph.Frame frame) {
    return frame.samples() * pixelsPerSample >= MIN_FRAME_WIDTH;
  }

  /**
   * Edges in whole hundredths of a pixel, each rounded once from the sample count before it:
   * adjacent frames share an edge exactly, and callees never add up wider than their caller.
   */
  private long hundredths(long samples) {
    return Math.round((MARGIN + samples * pixelsPerSample) * 100);
  }

  private static String px(long hundredths) {
    return BigDecimal.valueOf(hundredths, 2).stripTrailingZeros().toPlainString();
  }

  /**
   * The short name, or where that does not fit the class and method alone (a narrow frame says
   * more as {@code OncePerReq..} than as {@code o.s.w..}), cut to the rectangle; nothing where not
   * even a few letters would fit.
   */
  static String label(String name, double width) {
    if (width < MIN_LABEL_WIDTH) {
      return "";
    }
    int fits = (int) ((width - 6) / CHAR_WIDTH);
    String label = shorten(name);
    if (label.length() > fits) {
      label = name.substring(simpleName(name));
    }
    return label.length() <= fits ? label : label.substring(0, fits - 2) + "..";
  }

  /** {@code org.springframework.web.filter.OncePerRequestFilter.doFilter} as {@code o.s.w.f.…}. */
  static String shorten(String name) {
    int simpleName = simpleName(name);
    return PACKAGE_PART.matcher(name.substring(0, simpleName)).replaceAll("$1.")
        + name.substring(simpleName);
  }

  /** Where the class's simple name starts: after the package, if there is one. */
  private static int simpleName(String name) {
    return name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * Whose code a frame runs, by package: one hue each, so our own frames stand out among the
   * framework's. Shades vary with the name's hash, the same in every run.
   */
  enum Kind {
    OURS("dev.fieldguide", 170, 110, 230, "dev\\.fieldguide\\."), SPRING("Spring", 100, 180, 80,
        "org\\.springframework\\."), PLATFORM("JDK, Tomcat", 235, 150, 60,
            "(java|javax|jdk|sun|com\\.sun|jakarta|org\\.apache\\.(catalina|coyote|tomcat))\\."),
    /** Last, and its empty pattern matches every name: what no kind above claims. */
    OTHER("other", 100, 160, 215, "");

    private final String legend;
    private final int red;
    private final int green;
    private final int blue;
    private final Pattern packages;

    Kind(String legend, int red, int green, int blue, String packages) {
      this.legend = legend;
      this.red = red;
      this.green = green;
      this.blue = blue;
      this.packages = Pattern.compile(packages);
    }

    static Kind of(String name) {
      return Arrays.stream(values()).filter(kind -> kind.packages.matcher(name).lookingAt())
          .findFirst().orElseThrow();
    }

    /** The kind's colour lightened by up to a third, by the low byte of {@code hash}. */
    String fill(int hash) {
      double white = (hash & 0xff) / 255.0 / 3;
      return String.format(Locale.ROOT, "#%02x%02x%02x", lighten(red, white),
          lighten(green, white), lighten(blue, white));
    }

    private static int lighten(int channel, double white) {
      return (int) Math.round(channel + (255 - channel) * white);
    }
  }
}
