package dev.fieldguide.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.benchmarks.FlameGraphSvg.Kind;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How frames are named, coloured, labelled and left out, without a recording. */
class FlameGraphSvgTests {

  @Test
  void shortensThePackageAndKeepsClassAndMethod() {
    assertThat(
        FlameGraphSvg.shorten("org.springframework.web.filter.OncePerRequestFilter.doFilter"))
        .isEqualTo("o.s.w.f.OncePerRequestFilter.doFilter");
    assertThat(FlameGraphSvg.shorten("Outer$Inner.run")).isEqualTo("Outer$Inner.run");
    assertThat(FlameGraphSvg.shorten("all")).isEqualTo("all");
  }

  @Test
  void dropsThePackageThenCutsLabelsToTheRectangleAndLeavesNarrowOnesBlank() {
    String name = "org.springframework.web.filter.OncePerRequestFilter.doFilter";

    assertThat(FlameGraphSvg.label(name, 1000)).isEqualTo("o.s.w.f.OncePerRequestFilter.doFilter");
    assertThat(FlameGraphSvg.label(name, 250)).isEqualTo("OncePerRequestFilter.doFilter");
    assertThat(FlameGraphSvg.label(name, 100)).isEqualTo("OncePerReq..");
    assertThat(FlameGraphSvg.label(name, 29)).isEmpty();
  }

  @Test
  void coloursByWhoseCodeItIsTheSameEveryTime() {
    assertThat(Kind.of("dev.fieldguide.orders.OrderListing.list")).isEqualTo(Kind.OURS);
    assertThat(Kind.of("org.springframework.web.servlet.DispatcherServlet.doService"))
        .isEqualTo(Kind.SPRING);
    assertThat(Kind.of("org.apache.catalina.core.ApplicationFilterChain.doFilter"))
        .isEqualTo(Kind.PLATFORM);
    assertThat(Kind.of("java.lang.Thread.run")).isEqualTo(Kind.PLATFORM);
    assertThat(Kind.of("org.postgresql.core.v3.QueryExecutorImpl.execute")).isEqualTo(Kind.OTHER);
    assertThat(Kind.OURS.fill(0)).isEqualTo("#aa6ee6");
    assertThat(Kind.OURS.fill(255)).isEqualTo("#c69eee");
  }

  @Test
  void leavesOutFramesNarrowerThanATenthOfAPercent() {
    FlameGraph.Frame root = FlameGraph.Frame.root();
    Collections.nCopies(2000, List.of("main", "wide")).forEach(stack -> root.add(stack, false));
    root.add(List.of("main", "narrow"), false);

    String svg = FlameGraphSvg.render("t", root);

    assertThat(svg).contains("<title>wide (2,000 samples, 99.95%)</title>")
        .doesNotContain("narrow");
  }
}
