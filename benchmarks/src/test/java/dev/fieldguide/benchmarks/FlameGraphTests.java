package dev.fieldguide.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.parsers.DocumentBuilderFactory;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The flame graph of a real JFR recording (a busy loop sampled every millisecond), and the parts
 * that need no recording: merging stacks into the call tree and reading the command line.
 */
class FlameGraphTests {

  @TempDir
  static Path directory;

  private static Path recording;

  /** Keeps the busy loop's result alive, so the JIT cannot drop the loop. */
  static volatile long sink;

  @BeforeAll
  static void recordABusyLoop() throws IOException, ParseException {
    recording = directory.resolve("busy.jfr");
    // The benchmark's settings (its events beside the samples), sampling every millisecond.
    try (Recording jfr = new Recording(Configuration.getConfiguration("profile"))) {
      jfr.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
      jfr.start();
      sink = burnCpu();
      jfr.stop();
      jfr.dump(recording);
    }
  }

  /**
   * Spins until this thread has had 300 ms of CPU: measured in CPU time rather than wall time,
   * so the sampler finds it running a few hundred times however busy the machine is.
   */
  private static long burnCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long until = threads.getCurrentThreadCpuTime() + 300_000_000L;
    long sum = 1;
    while (threads.getCurrentThreadCpuTime() < until) {
      for (int i = 0; i < 100_000; i++) {
        sum = sum * 31 + i;
      }
    }
    return sum;
  }

  @Test
  void drawsTheBusyLoopAsAFrameInsideItsCallers() throws Exception {
    Path svg = directory.resolve("busy.svg");

    FlameGraph.main(new String[]{recording.toString(), svg.toString(), "--thread-prefix",
        Thread.currentThread().getName(), "--title", "busy <loop>"});

    // Parsing proves the SVG well-formed; the escaped title proves text is escaped.
    Element document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(svg.toFile()).getDocumentElement();
    assertThat(document.getAttribute("width")).isEqualTo("1200");
    assertThat(document.getElementsByTagName("text").item(0).getTextContent())
        .startsWith("busy <loop> · ").endsWith(" samples");
    List<Element> frames = elements(document.getElementsByTagName("g"));
    assertThat(frames).anySatisfy(frame -> {
      assertThat(title(frame)).contains("FlameGraphTests.burnCpu (");
      assertThat(child(frame, "rect")).isNotNull();
    });
    assertThat(frames).allSatisfy(frame -> assertThat(width(frame))
        .isGreaterThanOrEqualTo(elements(frame.getChildNodes()).stream()
            .filter(child -> child.getTagName().equals("g")).map(FlameGraphTests::width)
            .reduce(BigDecimal.ZERO, BigDecimal::add)));
  }

  @Test
  void refusesToDrawWhenNoThreadHasThePrefix() {
    String svg = directory.resolve("none.svg").toString();

    assertThatIllegalStateException().isThrownBy(() -> FlameGraph.main(new String[]{
        recording.toString(), svg, "--thread-prefix", "no-such-thread"}))
        .withMessageContaining("no-such-thread*");
  }

  @Test
  void mergesStacksRootFirstCountingEachFrameOnItsPath() {
    FlameGraph.Frame root = FlameGraph.Frame.root();

    root.add(List.of("main", "handle", "parse"), false);
    root.add(List.of("main", "handle", "parse"), false);
    root.add(List.of("main", "handle"), false);
    root.add(List.of("main", "flush"), false);

    assertThat(samples(root)).isEqualTo(4);
    assertThat(samples(root, "main")).isEqualTo(4);
    assertThat(frame(root, "main").children().keySet()).containsExactly("flush", "handle");
    assertThat(samples(root, "main", "handle")).isEqualTo(3);
    assertThat(samples(root, "main", "handle", "parse")).isEqualTo(2);
    assertThat(samples(root, "main", "flush")).isEqualTo(1);
  }

  @Test
  void keepsTruncatedStacksApartFromTheRealRoots() {
    FlameGraph.Frame root = FlameGraph.Frame.root();

    root.add(List.of("main", "handle"), false);
    root.add(List.of("handle", "parse"), true);

    assertThat(root.children().keySet()).containsExactly("[truncated]", "main");
    assertThat(samples(root, "[truncated]", "handle", "parse")).isEqualTo(1);
    assertThat(FlameGraph.summary(Path.of("a.svg"), root)).startsWith(
        "a.svg: 2 samples; 1 of them deeper than JFR's stackdepth, drawn under [truncated]");
  }

  @Test
  void summarisesWholeStacksInOneLine() {
    FlameGraph.Frame root = FlameGraph.Frame.root();

    root.add(List.of("main", "handle"), false);

    assertThat(FlameGraph.summary(Path.of("a.svg"), root)).isEqualTo("a.svg: 1 samples");
  }

  @Test
  void readsPathsAndOptionsInAnyOrder() {
    FlameGraph.Options options = FlameGraph.Options.parse(new String[]{"--title", "T", "a.jfr",
        "--thread-prefix", "tomcat-handler", "a.svg"});

    assertThat(options).isEqualTo(new FlameGraph.Options(Path.of("a.jfr"), Path.of("a.svg"),
        "tomcat-handler", "T"));
  }

  @Test
  void titlesByFileAndThreadsUnlessTold() {
    assertThat(FlameGraph.Options.parse(new String[]{"/tmp/a.jfr", "a.svg"}).title())
        .isEqualTo("CPU samples of a.jfr");
    assertThat(FlameGraph.Options.parse(new String[]{"/tmp/a.jfr", "a.svg", "--thread-prefix",
        "tomcat-handler"}).title()).isEqualTo("CPU samples of a.jfr, threads tomcat-handler*");
  }

  @Test
  void rejectsAnythingButTwoPathsAndKnownOptions() {
    for (String[] args : List.of(new String[]{"a.jfr"}, new String[]{"a.jfr", "b", "c"},
        new String[]{"a.jfr", "a.svg", "--title"}, new String[]{"a.jfr", "a.svg", "--width",
            "9"})) {
      assertThatIllegalArgumentException().isThrownBy(() -> FlameGraph.Options.parse(args))
          .withMessageContaining(FlameGraph.USAGE);
    }
  }

  private static FlameGraph.Frame frame(FlameGraph.Frame root, String... path) {
    FlameGraph.Frame frame = root;
    for (String name : path) {
      frame = Objects.requireNonNull(frame.children().get(name), name);
    }
    return frame;
  }

  private static long samples(FlameGraph.Frame root, String... path) {
    return frame(root, path).samples();
  }

  private static List<Element> elements(NodeList nodes) {
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }

  private static Element child(Element parent, String tag) {
    return elements(parent.getChildNodes()).stream().filter(e -> e.getTagName().equals(tag))
        .findFirst().orElseThrow();
  }

  private static String title(Element frame) {
    return child(frame, "title").getTextContent();
  }

  private static BigDecimal width(Element frame) {
    return new BigDecimal(child(frame, "rect").getAttribute("width"));
  }
}
