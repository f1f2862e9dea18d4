package dev.fieldguide.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;

/**
 * A CPU flame graph of a JFR recording as one self-contained SVG, with nothing but the JDK (JFR's
 * own reader): no flame graph tool is installed where the benchmark runs. Turn
 * {@code BENCH_JFR=1 scripts/benchmark.sh}'s recording into a picture with
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl benchmarks package -DskipTests
 * java -cp benchmarks/target/classes dev.fieldguide.benchmarks.FlameGraph rec.jfr out.svg --thread-prefix tomcat-handler
 * </pre>
 *
 * ({@code java} of JDK 25). Only {@code jdk.ExecutionSample} events count: each is one stack the
 * sampler caught running Java code, so a frame's width is its share of the CPU samples.
 */
public final class FlameGraph {

  static final String USAGE = "usage: FlameGraph <recording.jfr> <out.svg>"
      + " [--thread-prefix tomcat-handler] [--title \"...\"]";

  private FlameGraph() {}

  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    Frame root = read(options.recording(), options.threadPrefix());
    if (root.samples() == 0) {
      // An empty picture would look like a broken tool; a wrong prefix is the likely cause.
      throw new IllegalStateException("no jdk.ExecutionSample in " + options.recording()
          + " on a thread named " + options.threadPrefix() + "*");
    }
    Files.writeString(options.svg(), FlameGraphSvg.render(options.title(), root));
    System.out.println(summary(options.svg(), root));
  }

  /** What was drawn, and a warning when JFR cut stacks short: those cannot merge with the rest. */
  static String summary(Path svg, Frame root) {
    long truncated = root.truncated();
    return svg + ": " + root.samples() + " samples" + (truncated == 0
        ? ""
        : "; " + truncated + " of them deeper than JFR's stackdepth, drawn under "
            + Frame.TRUNCATED + " (before JFR.start: jcmd PID JFR.configure stackdepth=512)");
  }

  /** The CPU samples of the threads whose name starts with {@code threadPrefix}, merged. */
  static Frame read(Path recording, String threadPrefix) throws IOException {
    Frame root = Frame.root();
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (event.getEventType().getName().equals("jdk.ExecutionSample")
            && event.getThread("sampledThread").getJavaName().startsWith(threadPrefix)) {
          RecordedStackTrace stack = event.getStackTrace();
          root.add(rootFirst(stack.getFrames()), stack.isTruncated());
        }
      }
    }
    return root;
  }

  /** JFR lists the sampled method first; a flame graph grows from the thread's entry point. */
  private static List<String> rootFirst(List<RecordedFrame> topFirst) {
    List<String> names = new ArrayList<>(topFirst.size());
    for (RecordedFrame frame : topFirst.reversed()) {
      RecordedMethod method = frame.getMethod();
      names.add(method.getType().getName() + "." + method.getName());
    }
    return names;
  }

  /** The command line: two paths, then options in any order. */
  record Options(Path recording, Path svg, String threadPrefix, String title) {

    static Options parse(String[] args) {
      List<String> paths = new ArrayList<>();
      String threadPrefix = "";
      @Nullable String title = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--thread-prefix" -> threadPrefix = value(args, ++i);
          case "--title" -> title = value(args, ++i);
          default -> paths.add(path(args[i]));
        }
      }
      if (paths.size() != 2) {
        throw new IllegalArgumentException(USAGE);
      }
      Path recording = Path.of(paths.getFirst());
      return new Options(recording, Path.of(paths.getLast()), threadPrefix,
          title != null ? title : defaultTitle(recording, threadPrefix));
    }

    private static String defaultTitle(Path recording, String threadPrefix) {
      return "CPU samples of " + recording.getFileName()
          + (threadPrefix.isEmpty() ? "" : ", threads " + threadPrefix + "*");
    }

    private static String path(String arg) {
      if (arg.startsWith("--")) {
        throw new IllegalArgumentException("unknown option " + arg + "; " + USAGE);
      }
      return arg;
    }

    private static String value(String[] args, int index) {
      if (index >= args.length) {
        throw new IllegalArgumentException(USAGE);
      }
      return args[index];
    }
  }

  /**
   * One frame of the merged call tree: the samples whose stack passes through this method after
   * the same callers. Children are kept sorted by name, so the same recording always draws the
   * same picture.
   */
  static final class Frame {

    /**
     * Where a stack deeper than JFR's stackdepth (64 by default) goes: it lacks its outermost
     * callers, so merged root first it would pose as a thread entry point.
     */
    static final String TRUNCATED = "[truncated]";

    private final String name;
    private final Map<String, Frame> children = new TreeMap<>();
    private long samples;

    private Frame(String name) {
      this.name = name;
    }

    static Frame root() {
      return new Frame("all");
    }

    /** Counts one sample: its stack, root first, each frame counted once along the path. */
    void add(List<String> rootFirst, boolean truncated) {
      samples++;
      Frame frame = truncated ? count(TRUNCATED) : this;
      for (String name : rootFirst) {
        frame = frame.count(name);
      }
    }

    private Frame count(String child) {
      Frame frame = children.computeIfAbsent(child, Frame::new);
      frame.samples++;
      return frame;
    }

    /** The samples whose stack JFR cut short. */
    long truncated() {
      Frame frame = children.get(TRUNCATED);
      return frame == null ? 0 : frame.samples;
    }

    String name() {
      return name;
    }

    long samples() {
      return samples;
    }

    /** The callees by name, in name order. */
    Map<String, Frame> children() {
      return Collections.unmodifiableMap(children);
    }
  }
}
