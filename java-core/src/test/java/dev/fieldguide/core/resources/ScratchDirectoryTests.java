package dev.fieldguide.core.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ScratchDirectoryTests {

  @Test
  void directoryAndContentsAreGoneAfterTheBlock() throws IOException {
    Path used;
    try (ScratchDirectory scratch = ScratchDirectory.create("p6-")) {
      used = scratch.path();
      Files.createDirectories(used.resolve("nested"));
      Files.writeString(used.resolve("nested/report.csv"), "id,total\n");
    }

    assertThat(used).doesNotExist();
  }

  @Test
  void closeRunsWhenTheBodyThrows() {
    AtomicReference<Path> used = new AtomicReference<>();

    assertThatThrownBy(() -> {
      try (ScratchDirectory scratch = ScratchDirectory.create("p6-")) {
        used.set(scratch.path());
        throw new IllegalStateException("export failed");
      }
    }).hasMessage("export failed");

    assertThat(used.get()).doesNotExist();
  }

  /** Python's {@code __exit__} can swallow the body's error; Java keeps both, the body's first. */
  @Test
  void failureInCloseIsSuppressedUnderTheBodysFailure() {
    class FailingClose implements AutoCloseable {
      @Override
      public void close() {
        throw new IllegalStateException("close failed");
      }
    }

    assertThatThrownBy(() -> {
      try (FailingClose resource = new FailingClose()) {
        throw new IllegalArgumentException("body failed");
      }
    }).hasMessage("body failed").satisfies(failure -> assertThat(failure.getSuppressed())
        .extracting(Throwable::getMessage).containsExactly("close failed"));
  }
}
