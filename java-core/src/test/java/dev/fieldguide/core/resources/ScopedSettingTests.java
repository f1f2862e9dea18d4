package dev.fieldguide.core.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ScopedSettingTests {

  private static final Duration SHORT = Duration.ofMillis(250);

  @Test
  void overrideHoldsInsideTheCallOnly() throws Exception {
    Duration inside = ScopedSetting.withTimeout(SHORT, ScopedSetting::timeout);

    assertThat(inside).isEqualTo(SHORT);
    assertThat(ScopedSetting.timeout()).isEqualTo(ScopedSetting.DEFAULT_TIMEOUT);
  }

  @Test
  void overrideEndsWhenTheCallThrows() {
    assertThatThrownBy(() -> ScopedSetting.withTimeout(SHORT, () -> {
      throw new IllegalStateException("timed out after " + ScopedSetting.timeout().toMillis());
    })).hasMessage("timed out after 250");

    assertThat(ScopedSetting.timeout()).isEqualTo(ScopedSetting.DEFAULT_TIMEOUT);
  }

  @Test
  void otherThreadsDoNotSeeTheOverride() throws Exception {
    Duration seenElsewhere = ScopedSetting.withTimeout(SHORT,
        () -> CompletableFuture.supplyAsync(ScopedSetting::timeout).get());

    assertThat(seenElsewhere).isEqualTo(ScopedSetting.DEFAULT_TIMEOUT);
  }
}
