package dev.fieldguide.core.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * P5: a 256 MiB order file totalled in a child JVM with a 32 MiB heap. The streaming pipeline
 * finishes; reading all lines first dies of OutOfMemoryError in the same heap.
 *
 * <p>The file is one generated 1 MiB block written 256 times, so it takes well under a second to
 * write and its expected totals are known without reading it back.
 */
class LargeFileInSmallHeapTests {

  private static final String HEAP = "-Xmx32m";
  private static final int BLOCKS = 256;
  private static final long CHILD_TIMEOUT_SECONDS = 60;

  @TempDir
  static Path dir;

  private static Path orders = Path.of("");
  private static long expectedLines;
  private static long expectedSum;

  @BeforeAll
  static void writeQuarterGigabyteOrderFile() throws IOException {
    var block = new StringBuilder();
    long blockLines = 0;
    long blockSum = 0;
    for (int i = 0; block.length() < 1 << 20; i++) {
      long amount = i % 10_000;
      block.append("order-%07d,customer-%04d,2025-06-01T10:15:30Z,PAID,%d\n".formatted(i, i % 1000,
          amount));
      blockLines++;
      blockSum += amount;
      if (i % 10 == 0) {
        block.append("\n   \n");
      }
    }
    byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8);
    orders = dir.resolve("orders.csv");
    try (var out = new BufferedOutputStream(Files.newOutputStream(orders), 1 << 20)) {
      for (int copy = 0; copy < BLOCKS; copy++) {
        out.write(bytes);
      }
    }
    expectedLines = blockLines * BLOCKS;
    expectedSum = blockSum * BLOCKS;
  }

  @Test
  void streamingPipelineTotalsAFileEightTimesTheHeap() throws Exception {
    var run = runFileTotals("streamed");

    assertThat(Files.size(orders)).isGreaterThanOrEqualTo(8L * 32 * 1024 * 1024);
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEqualTo("lines=%d sum=%d", expectedLines, expectedSum);
  }

  @Test
  void readingAllLinesFirstRunsOutOfMemoryInTheSameHeap() throws Exception {
    var run = runFileTotals("materialised");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.stderr()).contains("java.lang.OutOfMemoryError");
  }

  private static ChildRun runFileTotals(String variant)
      throws IOException, InterruptedException, URISyntaxException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path classes = Path.of(FileTotals.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    Path stdout = dir.resolve(variant + ".out");
    Path stderr = dir.resolve(variant + ".err");
    var process = new ProcessBuilder(java.toString(), HEAP, "-cp", classes.toString(),
        FileTotals.class.getName(), variant, orders.toString())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(variant + " run did not finish in " + CHILD_TIMEOUT_SECONDS + " s");
    }
    return new ChildRun(process.exitValue(), Files.readString(stdout).strip(),
        Files.readString(stderr));
  }

  private record ChildRun(int exitCode, String stdout, String stderr) {}
}
